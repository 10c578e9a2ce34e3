#!/usr/bin/env node
// Management API load benchmark (issue 2, "Measure"): starts the real gatehouse binary with
// the e2e harness on a fresh SQLite database, loads organizations, users and memberships
// through the Management API over keep-alive connections, then samples the member-list
// latency (GET /organizations/:id/users?page=1&page_size=20 on random organizations).
//
//   node bench/mgmt-load.mjs [--orgs 100000] [--memberships 1000000] [--users N]
//                            [--concurrency 16] [--samples 2000] [--bin path] [--json]
//
// Defaults are the scale; `--orgs 2000 --memberships 20000` is a quick run.
// The binary is --bin, else $GATEHOUSE_BIN, else build/gatehouse. Only node built-ins are used.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

import { startServer } from '../tests/e2e/lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: opt } = parseArgs({
  options: {
    orgs: { type: 'string', default: '100000' },
    memberships: { type: 'string', default: '1000000' },
    users: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    samples: { type: 'string', default: '2000' },
    'sample-concurrency': { type: 'string', default: '1' },
    bin: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12).join('\n'));
  process.exit(0);
}

const ORGS = Number(opt.orgs);
const MEMBERSHIPS = Number(opt.memberships);
const PER_ORG = Math.max(1, Math.round(MEMBERSHIPS / ORGS));
const USERS = Number(opt.users ?? Math.max(PER_ORG * 4, Math.round(MEMBERSHIPS / 50)));
const CONCURRENCY = Number(opt.concurrency);
const SAMPLES = Number(opt.samples);
const SAMPLE_CONCURRENCY = Number(opt['sample-concurrency']);
if (![ORGS, MEMBERSHIPS, USERS, CONCURRENCY, SAMPLES].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('counts must be positive integers');
  process.exit(2);
}
if (PER_ORG > USERS) {
  console.error(`--users (${USERS}) must be at least the members per organization (${PER_ORG})`);
  process.exit(2);
}

process.env.GATEHOUSE_BIN = path.resolve(opt.bin ?? process.env.GATEHOUSE_BIN ?? path.join(root, 'build', 'gatehouse'));

const showProgress = !opt.json && process.stdout.isTTY;
const log = (...a) => {
  if (!opt.json) console.log(...a);
};

// ---------------------------------------------------------------- HTTP over keep-alive

const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, SAMPLE_CONCURRENCY) });
let srv;
let token;

function call(method, pathname, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: srv.port,
        method,
        path: '/api' + pathname,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function expectCall(method, pathname, body, status) {
  const res = await call(method, pathname, body);
  if (res.status !== status) {
    throw new Error(`${method} ${pathname} -> ${res.status} ${res.text.slice(0, 300)} (expected ${status})`);
  }
  return res.text ? JSON.parse(res.text) : undefined;
}

/** Runs task(i) for i in [0, n) with `concurrency` workers; prints progress. */
async function pool(label, n, concurrency, task) {
  let next = 0;
  let done = 0;
  const started = performance.now();
  let lastReport = started;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      token = await srv.managementToken(); // cached by the harness; renewed before it expires
      await task(i);
      done++;
      const now = performance.now();
      if (showProgress && now - lastReport > 2000) {
        lastReport = now;
        const rate = (done / (now - started)) * 1000;
        process.stdout.write(`  ${label}: ${done}/${n} (${rate.toFixed(0)}/s)\r`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (showProgress) process.stdout.write(' '.repeat(70) + '\r');
  return seconds;
}

function percentile(sortedMs, p) {
  if (!sortedMs.length) return NaN;
  const idx = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, idx)];
}

function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function dbSizeMiB() {
  const m = /^sqlite:(.*)$/.exec(srv.databaseUrl);
  if (!m) return NaN;
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += fs.statSync(m[1] + suffix).size;
    } catch {
      /* absent */
    }
  }
  return total / (1024 * 1024);
}

// ---------------------------------------------------------------- the run

async function main() {
  log(`gatehouse management load: ${ORGS} organizations, ${ORGS * PER_ORG} memberships ` +
    `(${PER_ORG} per organization from ${USERS} users), concurrency ${CONCURRENCY}`);
  srv = await startServer({ label: 'bench-mgmt-load', writeLog: false });
  const result = { orgs: ORGS, memberships: ORGS * PER_ORG, users: USERS, concurrency: CONCURRENCY };
  try {
    token = await srv.managementToken();
    result.idleRssMiB = rssMiB(srv.proc.pid);

    // Users (not a target of the issue, reported for context).
    const userIds = new Array(USERS);
    let seconds = await pool('users', USERS, CONCURRENCY, async (i) => {
      const u = await expectCall('POST', '/users', { username: `bench_user_${i}`, name: `Bench User ${i}` }, 200);
      userIds[i] = u.id;
    });
    result.userCreatePerSec = USERS / seconds;
    log(`users created:          ${USERS} in ${seconds.toFixed(1)} s  -> ${result.userCreatePerSec.toFixed(0)} /s`);

    // Organizations.
    const orgIds = new Array(ORGS);
    seconds = await pool('organizations', ORGS, CONCURRENCY, async (i) => {
      const o = await expectCall('POST', '/organizations', { name: `Bench Org ${i}` }, 201);
      orgIds[i] = o.id;
    });
    result.orgCreatePerSec = ORGS / seconds;
    log(`organizations created:  ${ORGS} in ${seconds.toFixed(1)} s  -> ${result.orgCreatePerSec.toFixed(0)} /s`);

    // Memberships: one POST per organization with PER_ORG distinct users (a sliding window
    // over the user pool, so every user is in about MEMBERSHIPS / USERS organizations).
    seconds = await pool('memberships', ORGS, CONCURRENCY, async (i) => {
      const start = (i * PER_ORG) % USERS;
      const ids = [];
      for (let k = 0; k < PER_ORG; k++) ids.push(userIds[(start + k) % USERS]);
      await expectCall('POST', `/organizations/${orgIds[i]}/users`, { userIds: ids }, 201);
    });
    result.memberAddPerSec = (ORGS * PER_ORG) / seconds;
    result.memberAddRequestsPerSec = ORGS / seconds;
    log(`memberships added:      ${ORGS * PER_ORG} in ${seconds.toFixed(1)} s  -> ` +
      `${result.memberAddPerSec.toFixed(0)} memberships/s (${result.memberAddRequestsPerSec.toFixed(0)} requests/s)`);

    // Member-list latency on random organizations.
    const latencies = [];
    const expectedLen = Math.min(20, PER_ORG);
    seconds = await pool('member list', SAMPLES, SAMPLE_CONCURRENCY, async () => {
      const id = orgIds[Math.floor(Math.random() * ORGS)];
      const t0 = performance.now();
      const res = await call('GET', `/organizations/${id}/users?page=1&page_size=20`);
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`member list -> ${res.status} ${res.text.slice(0, 200)}`);
      const n = JSON.parse(res.text).length;
      if (n !== expectedLen) throw new Error(`member list returned ${n} members, expected ${expectedLen}`);
    });
    latencies.sort((a, b) => a - b);
    result.memberList = {
      samples: SAMPLES,
      concurrency: SAMPLE_CONCURRENCY,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1],
      perSec: SAMPLES / seconds,
    };
    log(`member list (page 1, 20): p50 ${result.memberList.p50Ms.toFixed(2)} ms, ` +
      `p99 ${result.memberList.p99Ms.toFixed(2)} ms, max ${result.memberList.maxMs.toFixed(2)} ms ` +
      `over ${SAMPLES} samples (concurrency ${SAMPLE_CONCURRENCY})`);

    result.loadedRssMiB = rssMiB(srv.proc.pid);
    result.databaseMiB = dbSizeMiB();
    log(`server RSS: idle ${result.idleRssMiB.toFixed(1)} MiB, loaded ${result.loadedRssMiB.toFixed(1)} MiB; ` +
      `database ${result.databaseMiB.toFixed(1)} MiB`);
  } finally {
    agent.destroy();
    await srv.stop();
  }
  if (opt.json) console.log(JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
