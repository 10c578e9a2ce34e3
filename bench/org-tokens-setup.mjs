// Prepares a running Gatehouse for bench/org-tokens.sh and prints shell assignments:
// an M2M application member of an organization (client_credentials + organization_id) and a
// user signed in through the hosted sign-in page whose refresh token carries the organization
// scope (refresh_token + organization_id). Usage: node org-tokens-setup.mjs <endpoint> <id> <secret>

const [endpoint, bootId, bootSecret] = process.argv.slice(2);
const basic = (id, secret) => 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');

async function token() {
  const res = await fetch(`${endpoint}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(bootId, bootSecret) },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: `${endpoint}/api`, scope: 'all' }),
  });
  if (res.status !== 200) throw new Error(`management token: ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}
const mgmt = await token();

async function api(method, path, body) {
  const res = await fetch(`${endpoint}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${mgmt}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const scopes = [];
for (const name of ['read:resource', 'remove:member', 'add:member', 'sync:data']) {
  scopes.push(await api('POST', '/organization-scopes', { name }));
}
const userRole = await api('POST', '/organization-roles', {
  name: 'admin', organizationScopeIds: scopes.slice(0, 3).map((s) => s.id),
});
const botRole = await api('POST', '/organization-roles', {
  name: 'robot', type: 'MachineToMachine', organizationScopeIds: [scopes[0].id, scopes[3].id],
});
const org = await api('POST', '/organizations', { name: 'bench' });

const bot = await api('POST', '/applications', { name: 'bench-bot', type: 'MachineToMachine' });
const botSecret = (await api('POST', `/applications/${bot.id}/secrets`, { name: 'main' })).value;
await api('POST', `/organizations/${org.id}/applications`, { applicationIds: [bot.id] });
await api('POST', `/organizations/${org.id}/applications/${bot.id}/roles`, { organizationRoleIds: [botRole.id] });

const password = 'Bench-pass-' + Math.random().toString(36).slice(2);
const user = await api('POST', '/users', { username: 'bench_user', password });
await api('POST', `/organizations/${org.id}/users`, { userIds: [user.id] });
await api('POST', `/organizations/${org.id}/users/${user.id}/roles`, { organizationRoleIds: [userRole.id] });
const redirectUri = 'https://bench.example.com/callback';
const web = await api('POST', '/applications', {
  name: 'bench-web', type: 'Traditional', oidcClientMetadata: { redirectUris: [redirectUri], postLogoutRedirectUris: [] },
});
const webSecret = (await api('POST', `/applications/${web.id}/secrets`, { name: 'main' })).value;

// The hosted sign-in page, driven over HTTP with a cookie jar.
const jar = new Map();
async function browse(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return { res, text: await res.text() };
}
const auth = new URL(`${endpoint}/oidc/auth`);
auth.search = new URLSearchParams({
  client_id: web.id, redirect_uri: redirectUri, response_type: 'code',
  scope: 'offline_access urn:logto:scope:organizations read:resource remove:member add:member',
}).toString();
await browse(auth);
const page = await browse(`${endpoint}/sign-in`);
const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)[1];
const signed = await browse(`${endpoint}/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf, identifier: 'bench_user', password }).toString(),
});
const code = new URL(signed.res.headers.get('location')).searchParams.get('code');
const exchanged = await fetch(`${endpoint}/oidc/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(web.id, webSecret) },
  body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
});
const tokens = await exchanged.json();
if (!tokens.refresh_token) throw new Error(`code exchange: ${JSON.stringify(tokens)}`);

console.log(`ORG_ID=${org.id}`);
console.log(`M2M_AUTH='${basic(bot.id, botSecret)}'`);
console.log(`WEB_AUTH='${basic(web.id, webSecret)}'`);
console.log(`REFRESH_TOKEN='${tokens.refresh_token}'`);
console.log(`MGMT_TOKEN='${mgmt}'`);
console.log(`WEB_CLIENT_ID='${web.id}'`);
console.log(`REDIRECT_URI='${redirectUri}'`);
console.log(`USER_NAME='bench_user'`);
console.log(`USER_PASSWORD='${password}'`);
