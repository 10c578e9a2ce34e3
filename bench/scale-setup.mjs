// Prepares a running Gatehouse that serves the scale data set (scripts/gen-scale-data.mjs ids) for
// bench/scale.sh: `clients` M2M applications, each a member of a random organization with an
// M2M organization role, and `clients` refresh tokens of random members of random organizations
// (the member's password is set, then the hosted sign-in of an authorization code flow asks for
// every template scope and urn:logto:scope:organizations). Writes the two wrk lists
// ("<form body>\t<Authorization>" lines, bench/token-list.lua) and prints shell assignments.
//
//   node scale-setup.mjs <endpoint> <id> <secret> <orgs> <scopes> <clients> <m2m list> <refresh list>
import fs from 'node:fs';

const [endpoint, bootId, bootSecret, orgsArg, scopesArg, clientsArg, m2mList, refreshList] = process.argv.slice(2);
const orgs = Number(orgsArg);
const scopeCount = Number(scopesArg);
const clients = Number(clientsArg);
const basic = (id, secret) => 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');
const pad = (prefix, i, width) => prefix + String(i).padStart(width, '0');
const oid = (i) => pad('o', i, 11);  // as scripts/gen-scale-data.mjs
const sid = (i) => pad('s', i, 20);
const randomOrg = () => oid(Math.floor(Math.random() * orgs));
const tag = Math.random().toString(36).slice(2, 8);

const tokenRes = await fetch(`${endpoint}/oidc/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(bootId, bootSecret) },
  body: new URLSearchParams({ grant_type: 'client_credentials', resource: `${endpoint}/api`, scope: 'all' }),
});
if (tokenRes.status !== 200) throw new Error(`management token: ${tokenRes.status} ${await tokenRes.text()}`);
const mgmt = (await tokenRes.json()).access_token;

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
// Runs task(i) for i in [0, n), four at a time.
async function pool(n, task) {
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < n) await task(next++);
  }));
}

// M2M applications in random organizations.
const robot = await api('POST', '/organization-roles', {
  name: `bench-robot-${tag}`, type: 'MachineToMachine', organizationScopeIds: [sid(0), sid(1)],
});
const m2m = [];
await pool(clients, async (i) => {
  const org = randomOrg();
  const app = await api('POST', '/applications', { name: `bench-bot-${tag}-${i}`, type: 'MachineToMachine' });
  const secret = (await api('POST', `/applications/${app.id}/secrets`, { name: 'main' })).value;
  await api('POST', `/organizations/${org}/applications`, { applicationIds: [app.id] });
  await api('POST', `/organizations/${org}/applications/${app.id}/roles`, { organizationRoleIds: [robot.id] });
  m2m.push(`grant_type=client_credentials&organization_id=${org}\t${basic(app.id, secret)}`);
});
fs.writeFileSync(m2mList, m2m.join('\n') + '\n');

// Refresh tokens of random members of random organizations.
const redirectUri = 'https://bench.example.com/callback';
const web = await api('POST', '/applications', {
  name: `bench-web-${tag}`, type: 'Traditional', oidcClientMetadata: { redirectUris: [redirectUri], postLogoutRedirectUris: [] },
});
const webSecret = (await api('POST', `/applications/${web.id}/secrets`, { name: 'main' })).value;
const webAuth = basic(web.id, webSecret);
const scopes = ['offline_access', 'urn:logto:scope:organizations'];
for (let s = 0; s < scopeCount; s++) scopes.push(`scope-${s}`);

async function signIn(username, password) {
  const jar = new Map();
  const browse = async (url, init = {}) => {
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
  };
  const auth = new URL(`${endpoint}/oidc/auth`);
  auth.search = new URLSearchParams({ client_id: web.id, redirect_uri: redirectUri, response_type: 'code', scope: scopes.join(' ') }).toString();
  await browse(auth);
  const page = await browse(`${endpoint}/sign-in`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)[1];
  const signed = await browse(`${endpoint}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, identifier: username, password }).toString(),
  });
  const code = new URL(signed.res.headers.get('location')).searchParams.get('code');
  const res = await fetch(`${endpoint}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: webAuth },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
  });
  const tokens = await res.json();
  if (!tokens.refresh_token) throw new Error(`code exchange: ${JSON.stringify(tokens)}`);
  return tokens.refresh_token;
}

const refresh = [];
const picked = new Set();  // a user once: a second password change could end the first session
await pool(clients, async (i) => {
  let org;
  let user;
  do {
    org = randomOrg();
    const members = await api('GET', `/organizations/${org}/users?page=1&page_size=20`);
    user = members[Math.floor(Math.random() * members.length)];
  } while (picked.has(user.id));
  picked.add(user.id);
  const password = `Bench-${tag}-${i}-pass`;
  await api('PATCH', `/users/${user.id}/password`, { password });
  const rt = await signIn(user.username, password);
  refresh.push(`grant_type=refresh_token&refresh_token=${rt}&organization_id=${org}\t${webAuth}`);
});
fs.writeFileSync(refreshList, refresh.join('\n') + '\n');

console.log(`MGMT_TOKEN='${mgmt}'`);
