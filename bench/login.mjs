// Password sign-in load for bench/login.sh: `concurrency` loops, each doing the whole hosted
// sign-in of an authorization code flow (GET /oidc/auth → GET /sign-in → POST /sign-in → 303 to
// the client with a code) for `seconds`; prints the completed sign-ins per second. Keep-alive.
//
//   node login.mjs <endpoint> <client_id> <redirect_uri> <username> <password> <concurrency> <seconds>
import http from 'node:http';

const [endpoint, clientId, redirectUri, username, password, concurrency, seconds] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const base = new URL(endpoint);

function request(method, path, jar, body) {
  return new Promise((resolve, reject) => {
    const headers = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) });
    const req = http.request({ host: base.hostname, port: base.port, method, path, agent, headers }, (res) => {
      for (const c of res.headers['set-cookie'] ?? []) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = '/oidc/auth?' + new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid' });
async function signIn() {
  const jar = new Map();
  await request('GET', auth, jar);
  const page = await request('GET', '/sign-in', jar);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (!csrf) throw new Error(`sign-in page without csrf: ${page.status}`);
  const body = new URLSearchParams({ csrf, identifier: username, password }).toString();
  const res = await request('POST', '/sign-in', jar, body);
  if (res.status !== 303 || !res.location?.startsWith(redirectUri) || !res.location.includes('code=')) {
    throw new Error(`sign-in: ${res.status} ${res.location ?? res.text.slice(0, 200)}`);
  }
}

let done = 0;
const end = performance.now() + Number(seconds) * 1000;
const start = performance.now();
await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
  while (performance.now() < end) {
    await signIn();
    done++;
  }
}));
console.log((done / ((performance.now() - start) / 1000)).toFixed(3));
agent.destroy();
