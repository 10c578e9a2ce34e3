// Prepares a running bench/peer/server.mjs for bench/run and prints shell assignments: the Basic
// credentials of its two clients and a refresh token obtained through a real authorization code
// flow (with PKCE) that covers the bench resource. Checks once that both benchmarked requests
// answer 200 with a JWT access token for the resource.
//
//   node bench/peer/setup.mjs <endpoint> <secret> <resource>
import crypto from 'node:crypto';

const [endpoint, secret, resource] = process.argv.slice(2);
const basic = (id) => 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');
const redirectUri = 'https://bench.example.com/callback';

// A cookie jar and manual redirects: the interaction hops between /auth and /interaction.
const jar = new Map();
async function browse(url) {
  const res = await fetch(new URL(url, endpoint), {
    redirect: 'manual',
    headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  await res.text();
  return res;
}

const verifier = crypto.randomBytes(32).toString('base64url');
const auth = new URL('/auth', endpoint);
auth.search = new URLSearchParams({
  client_id: 'bench-web', redirect_uri: redirectUri, response_type: 'code', prompt: 'consent',
  scope: 'openid offline_access read:resource remove:member add:member', resource,
  code_challenge: crypto.createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
}).toString();

let location = auth.href;
let code;
for (let hop = 0; hop < 12 && !code; hop++) {
  const res = await browse(location);
  location = res.headers.get('location');
  if (!location) throw new Error(`authorization flow stopped at ${res.status} ${res.url}`);
  if (location.startsWith(redirectUri)) {
    const params = new URL(location).searchParams;
    code = params.get('code');
    if (!code) throw new Error(`authorization failed: ${location}`);
  }
}
if (!code) throw new Error('authorization flow did not finish');

async function token(clientId, params) {
  const res = await fetch(new URL('/token', endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(clientId) },
    body: new URLSearchParams(params),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`token ${params.grant_type}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}
const tokens = await token('bench-web', { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
if (!tokens.refresh_token) throw new Error(`code exchange gave no refresh token: ${JSON.stringify(tokens)}`);

// The two benchmarked requests, once, to fail early rather than count errors.
const m2mBody = `grant_type=client_credentials&resource=${encodeURIComponent(resource)}&scope=read:resource`;
const refreshBody = `grant_type=refresh_token&refresh_token=${tokens.refresh_token}&resource=${encodeURIComponent(resource)}&scope=remove:member`;
for (const [id, body] of [['bench-bot', m2mBody], ['bench-web', refreshBody]]) {
  const t = await token(id, Object.fromEntries(new URLSearchParams(body)));
  const header = JSON.parse(Buffer.from(t.access_token.split('.')[0], 'base64url'));
  if (header.alg !== 'ES256') throw new Error(`expected an ES256 JWT, got ${JSON.stringify(header)}`);
  if (t.refresh_token && t.refresh_token !== tokens.refresh_token) throw new Error('the refresh token rotated');
}

console.log(`PEER_M2M_AUTH='${basic('bench-bot')}'`);
console.log(`PEER_WEB_AUTH='${basic('bench-web')}'`);
console.log(`PEER_M2M_BODY='${m2mBody}'`);
console.log(`PEER_REFRESH_BODY='${refreshBody}'`);
