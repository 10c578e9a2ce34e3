// Test harness: runs the real `gatehouse serve` binary on a free loopback port with a
// temporary SQLite database (or GATEHOUSE_TEST_DATABASE_URL), and talks to it over HTTP.
//
// Every test file does
//   const srv = await useServer();
// which starts one server for the file, checks after each test that the process is still
// alive, and at the end stops it and fails the file if the process crashed, printed
// sanitizer output, did not shut down on SIGTERM, or ever answered a 5xx.
//
// Environment:
//   GATEHOUSE_BIN                  absolute path of the gatehouse binary (required)
//   GATEHOUSE_TEST_DATABASE_URL    database URL to use instead of a fresh SQLite file; a
//                                  postgresql:// URL gets a fresh schema per server start
//   GATEHOUSE_TEST_KEEP=1          keep the temporary directory (database) after the run
//   GATEHOUSE_TEST_START_TIMEOUT   milliseconds to wait for /api/status (default 15000)
// Server output goes to tests/e2e/output/<test file>-<port>.log.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outputDir = path.resolve(here, '..', 'output');

const SANITIZER_PATTERN =
  /AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|ThreadSanitizer|MemorySanitizer|runtime error: /;
const LOG_TAIL_BYTES = 64 * 1024;

/** Lowercase alphanumeric random string (the id alphabet of API.md). */
export function randomId(length = 21) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** A name that will not collide with anything else in the database: `<prefix>-<8 random>`. */
export function uniq(prefix = 't') {
  return `${prefix}-${randomId(8)}`;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the promise's value, or with 'timeout' after ms (the timer never outlives it). */
function within(promise, ms) {
  let timer;
  const t = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function basicAuth(id, secret) {
  // RFC 6749 §2.3.1: client id and secret are form-urlencoded before Base64.
  const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
  return 'Basic ' + Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64');
}

/** Parses a `Link` header (possibly several comma-joined) into {rel: URL}. */
export function parseLinks(header, base) {
  const links = {};
  if (!header) return links;
  for (const m of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rel = /rel="?([^";]+)"?/.exec(m[2]);
    if (rel) for (const r of rel[1].trim().split(/\s+/)) links[r] = new URL(m[1], base);
  }
  return links;
}

export class GatehouseServer {
  constructor({ bin, port, tmpDir, databaseUrl, env, label, writeLog = true }) {
    this.writeLog = writeLog;
    this.bin = bin;
    this.port = port;
    this.tmpDir = tmpDir;
    this.databaseUrl = databaseUrl;
    this.endpoint = `http://127.0.0.1:${port}`;
    this.issuer = `${this.endpoint}/oidc`;
    this.managementResource = `${this.endpoint}/api`;
    this.clientId = env.GATEHOUSE_BOOTSTRAP_CLIENT_ID;
    this.clientSecret = env.GATEHOUSE_BOOTSTRAP_CLIENT_SECRET;
    this.adminUsername = env.GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME;
    this.adminPassword = env.GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD;
    this.env = env;
    this.label = label;
    this.serverErrors = []; // every 5xx seen: "METHOD path -> status body"
    this.crashes = []; // crashes and sanitizer reports noticed by assertHealthy()
    this.outputTail = '';
    this.sanitizerSeen = false;
    this.exit = null; // {code, signal} once the process has exited
    this.stopping = false;
    this.cachedToken = null;
  }

  /** Spawns the process and waits until GET /api/status answers 204. */
  async start(timeoutMs) {
    let log = { write() {}, end() {} };
    if (this.writeLog) {
      fs.mkdirSync(outputDir, { recursive: true });
      this.logPath = path.join(outputDir, `${this.label}-${this.port}.log`);
      log = fs.createWriteStream(this.logPath, { flags: 'a' });
    }
    this.proc = spawn(this.bin, ['serve'], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk) => {
      log.write(chunk);
      const text = chunk.toString('utf8');
      if (SANITIZER_PATTERN.test(text)) this.sanitizerSeen = true;
      this.outputTail = (this.outputTail + text).slice(-LOG_TAIL_BYTES);
    };
    this.proc.stdout.on('data', onData);
    this.proc.stderr.on('data', onData);
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
      this.proc.on('error', (err) => {
        this.exit = { code: null, signal: null, error: err };
        resolve(this.exit);
      });
    });
    this.exited.then(() => log.end());

    const deadline = Date.now() + timeoutMs;
    let lastError = null;
    while (Date.now() < deadline) {
      if (this.exit) {
        throw new Error(
          `gatehouse exited during start-up (${this.describeExit()}). Output:\n${this.tail()}`,
        );
      }
      try {
        const res = await this.rawRequest({ method: 'GET', path: '/api/status', timeoutMs: 1000 });
        if (res.status === 204) return this;
        lastError = new Error(`GET /api/status answered ${res.status}, expected 204`);
      } catch (e) {
        lastError = e;
      }
      await sleep(50);
    }
    throw new Error(
      `gatehouse did not answer GET /api/status with 204 within ${timeoutMs} ms ` +
        `(last: ${lastError?.message}). Output:\n${this.tail()}`,
    );
  }

  /**
   * Stops the process with SIGTERM and starts it again on the same port, database and
   * environment. Throws if it did not shut down cleanly.
   */
  async restart(timeoutMs = Number(process.env.GATEHOUSE_TEST_START_TIMEOUT ?? 15000)) {
    if (this.exit) throw new Error(`cannot restart: the process already exited (${this.describeExit()})`);
    this.stopping = true;
    this.proc.kill('SIGTERM');
    if ((await within(this.exited, 10000)) === 'timeout') {
      this.proc.kill('SIGKILL');
      await this.exited;
      throw new Error('gatehouse did not exit within 10 s of SIGTERM');
    }
    const { code, signal } = this.exit;
    if (!(code === 0 || code === 143 || signal === 'SIGTERM')) {
      throw new Error(`gatehouse ended badly after SIGTERM (${this.describeExit()})`);
    }
    this.exit = null;
    this.stopping = false;
    this.cachedToken = null;
    return this.start(timeoutMs);
  }

  describeExit() {
    if (!this.exit) return 'still running';
    if (this.exit.error) return `spawn error: ${this.exit.error.message}`;
    return this.exit.signal ? `signal ${this.exit.signal}` : `exit code ${this.exit.code}`;
  }

  tail(chars = 4000) {
    return this.outputTail.slice(-chars);
  }

  /**
   * Used after each test: throws if the process died or printed sanitizer output since the
   * last check. A dead process is started again first (same port and database), so the tests
   * that follow still run and report on their own; the crash is remembered and fails stop().
   */
  async assertHealthy(testName = '?') {
    if (!this.exit && !this.stopping) await new Promise((r) => setImmediate(r));
    if (this.exit && !this.stopping) {
      const what = `gatehouse process died during "${testName}" (${this.describeExit()})`;
      const output = this.tail();
      this.crashes.push(what);
      this.exit = null;
      this.outputTail = '';
      this.sanitizerSeen = false;
      this.cachedToken = null;
      try {
        await this.start(Number(process.env.GATEHOUSE_TEST_START_TIMEOUT ?? 15000));
      } catch (e) {
        this.crashes.push(`and could not be started again: ${e.message.split('\n')[0]}`);
      }
      throw new Error(`${what}. Output:\n${output}`);
    }
    if (this.sanitizerSeen) {
      this.sanitizerSeen = false;
      this.crashes.push(`sanitizer output during "${testName}"`);
      throw new Error(`gatehouse printed sanitizer output during "${testName}":\n${this.tail()}`);
    }
  }

  /**
   * Stops the server with SIGTERM and throws if it crashed earlier, printed sanitizer output,
   * did not exit within 10 s, exited with a failure code, or answered any 5xx during the run.
   */
  async stop() {
    const problems = [];
    // Give a crash that just happened the time to be reported as such.
    if (!this.exit) await within(this.exited, 300);
    if (this.exit) {
      problems.push(`the process had already exited before the end of the tests (${this.describeExit()})`);
    } else {
      this.stopping = true;
      this.proc.kill('SIGTERM');
      if ((await within(this.exited, 10000)) === 'timeout') {
        problems.push('the process did not exit within 10 s of SIGTERM');
        this.proc.kill('SIGKILL');
        await this.exited;
      } else {
        const { code, signal } = this.exit;
        const clean = code === 0 || code === 143 || signal === 'SIGTERM';
        if (!clean) problems.push(`the process ended badly after SIGTERM (${this.describeExit()})`);
      }
    }
    if (this.crashes.length) problems.push(`earlier: ${this.crashes.join('; ')}`);
    if (this.sanitizerSeen) problems.push('sanitizer output was printed');
    if (this.serverErrors.length) {
      problems.push(`the server answered ${this.serverErrors.length} 5xx response(s):\n  ` +
        this.serverErrors.slice(0, 20).join('\n  '));
    }
    if (this.tmpDir && !process.env.GATEHOUSE_TEST_KEEP) {
      fs.rmSync(this.tmpDir, { recursive: true, force: true });
    }
    if (problems.length) {
      throw new Error(`gatehouse run failed: ${problems.join('; ')}\nLog: ${this.logPath}\n` +
        `Output tail:\n${this.tail()}`);
    }
  }

  noteResponse(method, pathname, status, text) {
    if (status >= 500) {
      this.serverErrors.push(`${method} ${pathname.slice(0, 200)} -> ${status} ${String(text).slice(0, 200)}`);
    }
  }

  async wrapNetworkError(e, method, pathname) {
    // A refused or dropped connection is often a crash whose exit event has not arrived yet.
    if (!this.exit) await within(this.exited, 500);
    const dead = this.exit ? ` The gatehouse process has exited (${this.describeExit()}).` : '';
    const err = new Error(`${method} ${pathname.slice(0, 200)} failed: ${e.cause?.message ?? e.message}.${dead}` +
      (dead ? `\nOutput:\n${this.tail()}` : ''));
    err.cause = e;
    return err;
  }

  /**
   * fetch() against the server. `path` is relative to the endpoint ("/api/..." or "/oidc/...").
   * Returns {status, headers, text, json} (json undefined when the body is not JSON).
   */
  async request(method, pathname, { headers = {}, body, json } = {}) {
    const init = { method, headers: { ...headers }, redirect: 'manual' };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = body;
    }
    let res;
    try {
      res = await fetch(this.endpoint + pathname, init);
    } catch (e) {
      throw await this.wrapNetworkError(e, method, pathname);
    }
    const text = await res.text();
    let parsed;
    if (text.length && /json/i.test(res.headers.get('content-type') ?? '')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    this.noteResponse(method, pathname, res.status, text);
    return { status: res.status, headers: res.headers, text, json: parsed };
  }

  /**
   * node:http request without URL normalisation (for odd paths and raw bodies). Resolves with
   * {status, headers, text, json}; a response that arrives before the body is fully sent (e.g.
   * 413) is still returned.
   */
  rawRequest({ method = 'GET', path: pathname, headers = {}, body, timeoutMs = 10000, chunked = false }) {
    return new Promise((resolve, reject) => {
      const hdrs = { ...headers };
      if (body !== undefined && !chunked) hdrs['content-length'] = Buffer.byteLength(body);
      const req = http.request({
        host: '127.0.0.1',
        port: this.port,
        method,
        path: pathname,
        headers: hdrs,
        agent: false,
        timeout: timeoutMs,
      });
      let settled = false;
      const done = (fn, v) => {
        if (!settled) {
          settled = true;
          fn(v);
        }
      };
      req.on('response', (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        const finish = () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          if (text.length && /json/i.test(res.headers['content-type'] ?? '')) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = undefined;
            }
          }
          this.noteResponse(method, pathname, res.statusCode, text);
          done(resolve, { status: res.statusCode, headers: res.headers, text, json: parsed });
        };
        res.on('end', finish);
        res.on('error', finish);
        res.on('aborted', finish);
      });
      req.on('timeout', () => {
        req.destroy(new Error(`no response within ${timeoutMs} ms`));
      });
      req.on('error', (e) => {
        // EPIPE/ECONNRESET while still writing a big body: the response may follow.
        setTimeout(() => this.wrapNetworkError(e, method, pathname).then((err) => done(reject, err)), 200);
      });
      if (body !== undefined) {
        if (chunked) {
          const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
          const step = 64 * 1024;
          let i = 0;
          const pump = () => {
            while (i < buf.length) {
              const ok = req.write(buf.subarray(i, i + step));
              i += step;
              if (!ok) return req.once('drain', pump);
            }
            req.end();
          };
          pump();
        } else {
          req.end(body);
        }
      } else {
        req.end();
      }
    });
  }

  /** GET /api/status → status code (throws if the server does not answer at all). */
  async statusCode() {
    const res = await this.rawRequest({ method: 'GET', path: '/api/status', timeoutMs: 5000 });
    return res.status;
  }

  /**
   * POST /oidc/token grant_type=client_credentials. Returns the raw response
   * ({status, json, ...}); `auth: 'basic'` (default) or `'post'` chooses the client auth.
   */
  async clientCredentials({
    clientId = this.clientId,
    clientSecret = this.clientSecret,
    resource = this.managementResource,
    scope = 'all',
    auth = 'basic',
    extra = {},
  } = {}) {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (resource !== undefined) form.set('resource', resource);
    if (scope !== undefined) form.set('scope', scope);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    if (auth === 'basic') {
      headers.authorization = basicAuth(clientId, clientSecret);
    } else {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    }
    return this.request('POST', '/oidc/token', { headers, body: form.toString() });
  }

  /** A Management API access token of the bootstrap application (cached for 50 minutes). */
  async managementToken() {
    if (this.cachedToken && this.cachedToken.until > Date.now()) return this.cachedToken.value;
    const res = await this.clientCredentials();
    if (res.status !== 200 || typeof res.json?.access_token !== 'string') {
      throw new Error(`could not obtain a Management API token: ${res.status} ${res.text}`);
    }
    this.cachedToken = { value: res.json.access_token, until: Date.now() + 50 * 60 * 1000 };
    return this.cachedToken.value;
  }

  /**
   * Management API call: api('POST', '/organizations', {name}) → {status, headers, json, text}.
   * `path` is relative to /api. Options: token (string, or null for no Authorization header),
   * headers, raw (a string/Buffer body sent as is with content-type application/json).
   */
  async api(method, pathname, body, { token, headers = {}, raw } = {}) {
    const h = { ...headers };
    const t = token === undefined ? await this.managementToken() : token;
    if (t !== null && h.authorization === undefined) h.authorization = `Bearer ${t}`;
    const full = '/api' + pathname;
    if (raw !== undefined) {
      h['content-type'] ??= 'application/json';
      return this.request(method, full, { headers: h, body: raw });
    }
    return this.request(method, full, { headers: h, json: body });
  }
}

/**
 * The database of one server start: a fresh SQLite file, or for a PostgreSQL URL a fresh schema
 * (search_path via libpq's `options`; gatehouse creates the schema when it migrates).
 */
export function freshDatabaseUrl(url, tmpDir) {
  if (!url) return `sqlite:${tmpDir}/g.db`;
  if (!/^postgres(ql)?:\/\//.test(url)) return url;
  const u = new URL(url);
  u.searchParams.set('options', `-csearch_path=e2e_${randomId(12)}`);
  return u.toString();
}

/**
 * Starts a server. Options: env (extra environment variables), label (log file name),
 * writeLog (false: keep only the in-memory tail of the output, e.g. for benchmarks).
 */
export async function startServer({ env: extraEnv = {}, label = 'server', writeLog = true } = {}) {
  const bin = process.env.GATEHOUSE_BIN;
  if (!bin) throw new Error('GATEHOUSE_BIN must be set to the absolute path of the gatehouse binary');
  if (!fs.existsSync(bin)) throw new Error(`GATEHOUSE_BIN=${bin} does not exist`);
  const timeoutMs = Number(process.env.GATEHOUSE_TEST_START_TIMEOUT ?? 15000);

  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-e2e-'));
    const databaseUrl = freshDatabaseUrl(process.env.GATEHOUSE_TEST_DATABASE_URL, tmpDir);
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? tmpDir,
      ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? '',
      UBSAN_OPTIONS: process.env.UBSAN_OPTIONS ?? 'print_stacktrace=1',
      GATEHOUSE_PORT: String(port),
      GATEHOUSE_HOST: '127.0.0.1',
      GATEHOUSE_ENDPOINT: `http://127.0.0.1:${port}`,
      GATEHOUSE_DATABASE_URL: databaseUrl,
      GATEHOUSE_BOOTSTRAP_CLIENT_ID: 'e2e' + randomId(18),
      GATEHOUSE_BOOTSTRAP_CLIENT_SECRET: randomId(43),
      GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME: 'admin',
      GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD: 'Adm1n-' + randomId(20),
      ...extraEnv,
    };
    const srv = new GatehouseServer({ bin, port, tmpDir, databaseUrl, env, label, writeLog });
    try {
      return await srv.start(timeoutMs);
    } catch (e) {
      lastError = e;
      if (!srv.exit) {
        srv.proc.kill('SIGKILL');
        await srv.exited;
      }
      if (!process.env.GATEHOUSE_TEST_KEEP) fs.rmSync(tmpDir, { recursive: true, force: true });
      // Only a lost race for the port is worth another try.
      if (!/address already in use|EADDRINUSE|bind/i.test(srv.outputTail)) break;
    }
  }
  throw lastError;
}

/**
 * Starts one server for the calling test file, registers the health check after each test
 * and the stop (with its crash / sanitizer / 5xx checks) after all tests.
 */
export async function useServer(options = {}) {
  const caller = process.argv[1] ? path.basename(process.argv[1]).replace(/\.test\.mjs$/, '') : 'server';
  const srv = await startServer({ label: caller, ...options });
  afterEach((t) => srv.assertHealthy(t?.name));
  after(() => srv.stop());
  return srv;
}
