// The Console's server side (doc/console.md "Server side"): the built SPA served at /console
// from GATEHOUSE_CONSOLE_DIR (types, caching, SPA fallback, security headers, traversal),
// /console/config.json, the built-in `gatehouse-console` application signing the console admin
// in for a Management API token (and a non-admin not), protected built-ins, the explain endpoint
// on the seed scenario, and the impact preview against a hand-counted data set.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { expectError, expectStatus } from './lib/helpers.mjs';
import { authorizationUrl, createUserWithPassword, pkce, signInThrough, tokenRequest } from './lib/oidc.mjs';
import { uniq, useServer } from './lib/server.mjs';

const consoleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-console-'));
fs.mkdirSync(path.join(consoleDir, 'assets'));
const INDEX = '<!doctype html><html><head><title>Fake Console</title></head><body>spa</body></html>';
fs.writeFileSync(path.join(consoleDir, 'index.html'), INDEX);
fs.writeFileSync(path.join(consoleDir, 'assets', 'index-abc123.js'), 'console.log("hi");');
fs.writeFileSync(path.join(consoleDir, 'assets', 'index-abc123.css'), 'body{margin:0}');
fs.writeFileSync(path.join(consoleDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
// A secret beside the console directory: no request path may ever reach it.
const secretFile = `${consoleDir}-secret.txt`;
fs.writeFileSync(secretFile, 'TOP-SECRET');
after(() => {
  fs.rmSync(consoleDir, { recursive: true, force: true });
  fs.rmSync(secretFile, { force: true });
});

const srv = await useServer({ env: { GATEHOUSE_CONSOLE_DIR: consoleDir } });
const CONSOLE_REDIRECT = `${srv.endpoint}/console/callback`;

const get = (p, method = 'GET') => srv.rawRequest({ method, path: p });

describe('serving /console', () => {
  test('index.html for /console, /console/ and any client-side route, with security headers', async () => {
    for (const p of ['/console', '/console/', '/console/organizations/abc', '/console/users/x/y/', '/console/nope.html']) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assert.equal(res.text, INDEX, p);
      assert.match(res.headers['content-type'], /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      const csp = res.headers['content-security-policy'];
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /connect-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
    }
  });

  test('real files carry their type; hashed assets are immutable', async () => {
    const js = await get('/console/assets/index-abc123.js');
    assert.equal(js.status, 200);
    assert.equal(js.text, 'console.log("hi");');
    assert.match(js.headers['content-type'], /^text\/javascript/);
    assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(js.headers['x-content-type-options'], 'nosniff');
    const css = await get('/console/assets/index-abc123.css');
    assert.match(css.headers['content-type'], /^text\/css/);
    const svg = await get('/console/logo.svg');
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.equal(svg.headers['cache-control'], 'no-cache');
    // A missing asset is a 404, never index.html served as a script.
    const missing = await get('/console/assets/index-zzz.js');
    assert.equal(missing.status, 404);
    assert.notEqual(missing.text, INDEX);
  });

  test('HEAD answers the headers of GET without a body', async () => {
    const res = await get('/console/assets/index-abc123.js', 'HEAD');
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    assert.equal(res.headers['content-length'], String('console.log("hi");'.length));
  });

  test('path traversal never reaches a file outside the directory', async () => {
    const name = path.basename(secretFile);
    const attempts = [
      `/console/../${name}`, `/console/..%2f${name}`, `/console/%2e%2e/${name}`, `/console/%2E%2E%2F${name}`,
      `/console/assets/../../${name}`, `/console/%2e%2e%2f%2e%2e%2f${name}`, `/console/..%5c${name}`,
      `/console/assets%5c..%5c..%5c${name}`, '/console/index.html%00.js', '/console/%00', '/console/a%0d%0ab',
      '/console/%252e%252e/x', '/console/.%2e/etc/passwd', '/console/....//etc/passwd', '/console//etc/passwd',
      '/console/%c0%ae%c0%ae/etc/passwd', '/console/assets/..', '/console/.env',
    ];
    for (const p of attempts) {
      const res = await get(p);
      assert.ok(res.status === 404 || res.status === 400 || (res.status === 200 && res.text === INDEX),
        `${p} -> ${res.status} ${res.text.slice(0, 80)}`);
      assert.ok(!res.text.includes('TOP-SECRET'), p);
      assert.ok(!res.text.includes('root:'), p);
    }
    assert.equal(await srv.statusCode(), 204);
  });

  test('other methods are not allowed', async () => {
    const res = await get('/console/x', 'POST');
    assert.equal(res.status, 405);
  });

  test('config.json tells the SPA where everything is', async () => {
    const res = await srv.request('GET', '/console/config.json');
    expectStatus(res, 200);
    assert.deepEqual(res.json, {
      endpoint: srv.endpoint,
      issuer: srv.issuer,
      clientId: 'gatehouse-console',
      apiResource: srv.managementResource,
    });
  });
});

describe('without a console directory', () => {
  let bare;
  before(async () => {
    const { startServer } = await import('./lib/server.mjs');
    bare = await startServer({ env: { GATEHOUSE_CONSOLE_DIR: path.join(consoleDir, 'does-not-exist') }, label: 'console-server-bare' });
  });
  after(() => bare?.stop());

  test('/console says the console is not installed; config.json still answers', async () => {
    const res = await bare.request('GET', '/console/');
    assert.equal(res.status, 404);
    assert.match(res.text, /not installed/i);
    expectStatus(await bare.request('GET', '/console/config.json'), 200);
  });
});

/** Signs `who` in through the Console app with PKCE, asking for the Management API with `all`. */
async function consoleSignIn(who) {
  const { verifier, challenge } = pkce();
  const url = authorizationUrl(srv, {
    client_id: 'gatehouse-console',
    redirect_uri: CONSOLE_REDIRECT,
    response_type: 'code',
    scope: 'openid offline_access all',
    resource: srv.managementResource,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st',
  });
  const done = await signInThrough(srv, url, who);
  assert.equal(`${done.location.origin}${done.location.pathname}`, CONSOLE_REDIRECT);
  const code = done.location.searchParams.get('code');
  assert.ok(code, `no code in ${done.location}`);
  const res = await tokenRequest(srv, {
    grant_type: 'authorization_code', code, redirect_uri: CONSOLE_REDIRECT, code_verifier: verifier,
    resource: srv.managementResource,
  }, { clientId: 'gatehouse-console' });
  expectStatus(res, 200);
  return res.json;
}

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

describe('the gatehouse-console application', () => {
  test('is a built-in SPA with the console redirect URIs', async () => {
    const res = await srv.api('GET', '/applications/gatehouse-console');
    expectStatus(res, 200);
    assert.equal(res.json.type, 'SPA');
    assert.equal(res.json.name, 'Gatehouse Console');
    assert.deepEqual(res.json.oidcClientMetadata.redirectUris, [CONSOLE_REDIRECT]);
    assert.deepEqual(res.json.oidcClientMetadata.postLogoutRedirectUris, [`${srv.endpoint}/console`]);
  });

  test('signs the console admin in with a Management API token holding `all`, also after refresh', async () => {
    const tokens = await consoleSignIn({ username: srv.adminUsername, password: srv.adminPassword });
    const at = claims(tokens.access_token);
    assert.equal(at.aud, srv.managementResource);
    assert.equal(at.client_id, 'gatehouse-console');
    assert.ok(at.scope.split(' ').includes('all'), `scope: ${at.scope}`);
    expectStatus(await srv.api('GET', '/users', undefined, { token: tokens.access_token }), 200);
    assert.ok(tokens.refresh_token, 'offline_access gives a refresh token');

    const refreshed = await tokenRequest(srv, {
      grant_type: 'refresh_token', refresh_token: tokens.refresh_token, resource: srv.managementResource,
    }, { clientId: 'gatehouse-console' });
    expectStatus(refreshed, 200);
    assert.ok(claims(refreshed.json.access_token).scope.split(' ').includes('all'));
    expectStatus(await srv.api('GET', '/organizations', undefined, { token: refreshed.json.access_token }), 200);
  });

  test("a user without the Console admin role gets no `all`, and the Management API answers 403", async () => {
    const bob = await createUserWithPassword(srv);
    const tokens = await consoleSignIn(bob);
    const at = claims(tokens.access_token);
    assert.equal(at.aud, srv.managementResource);
    assert.ok(!String(at.scope ?? '').split(' ').includes('all'), `scope: ${at.scope}`);
    expectError(await srv.api('GET', '/users', undefined, { token: tokens.access_token }), 403, 'auth.forbidden');
  });
});

describe('protected built-ins', () => {
  test('the Management API, its scope, the built-in roles and the console app cannot be deleted', async () => {
    const resources = await srv.api('GET', '/resources');
    const mgmt = resources.json.find((r) => r.indicator === srv.managementResource);
    assert.ok(mgmt);
    expectError(await srv.api('DELETE', `/resources/${mgmt.id}`), 400, 'resource.cannot_delete_management_api');
    const scopes = await srv.api('GET', `/resources/${mgmt.id}/scopes`);
    const all = scopes.json.find((s) => s.name === 'all');
    expectError(await srv.api('DELETE', `/resources/${mgmt.id}/scopes/${all.id}`), 400, 'resource.cannot_modify_management_api');
    const roles = await srv.api('GET', '/roles?page_size=100');
    for (const name of ['Management API access', 'Console admin']) {
      const role = roles.json.find((r) => r.name === name);
      assert.ok(role, name);
      expectError(await srv.api('DELETE', `/roles/${role.id}`), 400, 'role.cannot_delete_built_in');
      expectError(await srv.api('PATCH', `/roles/${role.id}`, { name: uniq('x') }), 400, 'role.cannot_modify_built_in');
      expectError(await srv.api('DELETE', `/roles/${role.id}/scopes/${all.id}`), 400, 'role.cannot_modify_built_in');
    }
    expectError(await srv.api('DELETE', '/applications/gatehouse-console'), 400, 'application.cannot_delete_built_in');
    // Still there and still working.
    expectStatus(await srv.api('GET', '/applications/gatehouse-console'), 200);
    expectStatus(await srv.api('GET', `/resources/${mgmt.id}`), 200);
  });
});

// The seed scenario, plus a third role for the impact preview:
//   admin {add:member remove:member change:role read:resource}, member {read:resource invite:member},
//   auditor {} ; org A: alice admin, bob member; org B: alice member; org C: carol auditor + member;
//   M2M role bot {read:resource}, robot app in A with bot.
async function seed() {
  const names = ['add:member', 'remove:member', 'change:role', 'read:resource', 'invite:member', uniq('unused')];
  const scope = {};
  for (const n of names) {
    const name = n.startsWith('unused') ? n : `${n}.${uniq('s')}`;
    const res = await srv.api('POST', '/organization-scopes', { name, description: `about ${n}` });
    expectStatus(res, 201);
    scope[n.startsWith('unused') ? 'unused' : n] = res.json;
  }
  const role = async (name, ids, type = 'User') => {
    const res = await srv.api('POST', '/organization-roles', {
      name: `${name}.${uniq('r')}`, type, organizationScopeIds: ids.map((k) => scope[k].id),
    });
    expectStatus(res, 201);
    return res.json;
  };
  const admin = await role('admin', ['add:member', 'remove:member', 'change:role', 'read:resource']);
  const member = await role('member', ['read:resource', 'invite:member']);
  const auditor = await role('auditor', []);
  const bot = await role('bot', ['read:resource'], 'MachineToMachine');
  const user = async () => (await srv.api('POST', '/users', { username: uniq('u').replace(/-/g, '_') })).json;
  const [alice, bob, carol] = [await user(), await user(), await user()];
  const org = async (name) => (await srv.api('POST', '/organizations', { name })).json;
  const [A, B, C] = [await org('A'), await org('B'), await org('C')];
  const assign = async (o, u, roles) => {
    expectStatus(await srv.api('POST', `/organizations/${o.id}/users`, { userIds: [u.id] }), 201);
    expectStatus(await srv.api('POST', `/organizations/${o.id}/users/${u.id}/roles`,
      { organizationRoleIds: roles.map((r) => r.id) }), 201);
  };
  await assign(A, alice, [admin]);
  await assign(A, bob, [member]);
  await assign(B, alice, [member]);
  await assign(C, carol, [auditor, member]);
  const app = await srv.api('POST', '/applications', { name: uniq('robot'), type: 'MachineToMachine' });
  expectStatus(await srv.api('POST', `/organizations/${A.id}/applications`, { applicationIds: [app.json.id] }), 201);
  expectStatus(await srv.api('POST', `/organizations/${A.id}/applications/${app.json.id}/roles`,
    { organizationRoleIds: [bot.id] }), 201);
  return { scope, admin, member, auditor, bot, alice, bob, carol, A, B, C, robot: app.json };
}

const W = await seed();

describe('explain', () => {
  const explain = (o, u) => srv.api('GET', `/organizations/${o}/users/${u}/explain`);
  const byName = (list, name) => list.find((s) => s.name === name);

  test('Alice in A: admin grants remove:member; invite:member would come from member', async () => {
    const res = await explain(W.A.id, W.alice.id);
    expectStatus(res, 200);
    const e = res.json;
    assert.equal(e.organizationId, W.A.id);
    assert.equal(e.userId, W.alice.id);
    assert.equal(e.isMember, true);
    assert.deepEqual(e.roles.map((r) => r.id), [W.admin.id]);
    assert.deepEqual(e.roles[0].scopes.map((s) => s.id).sort(),
      ['add:member', 'remove:member', 'change:role', 'read:resource'].map((k) => W.scope[k].id).sort());
    const remove = byName(e.scopes, W.scope['remove:member'].name);
    assert.equal(remove.id, W.scope['remove:member'].id);
    assert.equal(remove.description, 'about remove:member');
    assert.equal(remove.granted, true);
    assert.deepEqual(remove.grantedBy, [{ id: W.admin.id, name: W.admin.name }]);
    assert.deepEqual(remove.grantableBy, [{ id: W.admin.id, name: W.admin.name }]);
    const invite = byName(e.scopes, W.scope['invite:member'].name);
    assert.equal(invite.granted, false);
    assert.deepEqual(invite.grantedBy, []);
    assert.deepEqual(invite.grantableBy, [{ id: W.member.id, name: W.member.name }]);
    assert.deepEqual(byName(e.scopes, W.scope.unused.name).grantableBy, []);
    // Every organization permission of the template is listed.
    const all = await srv.api('GET', '/organization-scopes');
    assert.equal(e.scopes.length, all.json.length);
    assert.ok(Array.isArray(e.resourceScopes));
  });

  test('Alice in B is a member only; Bob in B is not a member', async () => {
    const b = (await explain(W.B.id, W.alice.id)).json;
    assert.deepEqual(b.roles.map((r) => r.name), [W.member.name]);
    assert.equal(byName(b.scopes, W.scope['remove:member'].name).granted, false);
    assert.equal(byName(b.scopes, W.scope['read:resource'].name).granted, true);

    const res = await explain(W.B.id, W.bob.id);
    expectStatus(res, 200);
    assert.equal(res.json.isMember, false);
    assert.deepEqual(res.json.roles, []);
    assert.ok(res.json.scopes.every((s) => s.granted === false && s.grantedBy.length === 0));
  });

  test('granted matches the scopes endpoint (the same evaluation)', async () => {
    for (const [o, u] of [[W.A, W.alice], [W.A, W.bob], [W.B, W.alice], [W.C, W.carol]]) {
      const e = (await explain(o.id, u.id)).json;
      const held = await srv.api('GET', `/organizations/${o.id}/users/${u.id}/scopes`);
      assert.deepEqual(e.scopes.filter((s) => s.granted).map((s) => s.id).sort(), held.json.map((s) => s.id).sort());
    }
  });

  test('unknown organization or user → 404 entity.not_exists_with_id; no token → 401', async () => {
    expectError(await explain('nosuchorg000', W.alice.id), 404, 'entity.not_exists_with_id');
    expectError(await explain(W.A.id, 'nosuchuser'), 404, 'entity.not_exists_with_id');
    const res = await srv.api('GET', `/organizations/${W.A.id}/users/${W.alice.id}/explain`, undefined, { token: null });
    expectError(res, 401, 'auth.authorization_header_missing');
  });
});

describe('impact preview', () => {
  const preview = (body) => srv.api('POST', '/organization-template/impact-preview', body);
  const counts = (c) => ({ users: c.users, organizations: c.organizations, applications: c.applications });

  test('adding remove:member to member: its three holders gain it; a scope member already has is no change', async () => {
    const res = await preview({
      change: 'addRoleScopes', organizationRoleId: W.member.id,
      organizationScopeIds: [W.scope['remove:member'].id, W.scope['read:resource'].id],
    });
    expectStatus(res, 200);
    assert.equal(res.json.change, 'addRoleScopes');
    // member holders: bob@A, alice@B, carol@C — none holds remove:member otherwise.
    assert.deepEqual(res.json.losses, []);
    assert.equal(res.json.gains.length, 1); // member already has read:resource
    assert.deepEqual(res.json.gains[0].scope, { id: W.scope['remove:member'].id, name: W.scope['remove:member'].name });
    assert.deepEqual(counts(res.json.gains[0]), { users: 3, organizations: 3, applications: 0 });
    assert.equal(res.json.affectedUsers, 3);
    assert.equal(res.json.affectedOrganizations, 3);
    assert.equal(res.json.affectedApplications, 0);
  });

  test('removing read:resource from member: all three holders lose it; M2M apps are unaffected', async () => {
    const res = await preview({
      change: 'removeRoleScopes', organizationRoleId: W.member.id,
      organizationScopeIds: [W.scope['read:resource'].id, W.scope['add:member'].id],
    });
    expectStatus(res, 200);
    assert.deepEqual(res.json.gains, []);
    assert.equal(res.json.losses.length, 1); // member does not have add:member: no change
    assert.deepEqual(counts(res.json.losses[0]), { users: 3, organizations: 3, applications: 0 });
  });

  test('deleting the admin role: alice@A, who has no other role there, loses its four permissions', async () => {
    const res = await preview({ change: 'deleteRole', organizationRoleId: W.admin.id });
    expectStatus(res, 200);
    assert.equal(res.json.losses.length, 4);
    for (const l of res.json.losses) assert.deepEqual(counts(l), { users: 1, organizations: 1, applications: 0 });
    assert.equal(res.json.affectedUsers, 1);
    assert.equal(res.json.affectedOrganizations, 1);
  });

  test('deleting the auditor role changes nothing; deleting read:resource reaches users and the robot', async () => {
    const none = await preview({ change: 'deleteRole', organizationRoleId: W.auditor.id });
    expectStatus(none, 200);
    assert.deepEqual(none.json.losses, []);
    assert.equal(none.json.affectedUsers, 0);

    const res = await preview({ change: 'deleteScope', organizationScopeId: W.scope['read:resource'].id });
    expectStatus(res, 200);
    // alice (A, B), bob (A), carol (C) + robot (A) → 3 users, 1 app, 3 organizations.
    assert.deepEqual(counts(res.json.losses[0]), { users: 3, organizations: 3, applications: 1 });
    assert.equal(res.json.affectedUsers, 3);
    assert.equal(res.json.affectedApplications, 1);
    assert.equal(res.json.affectedOrganizations, 3);
  });

  test('nothing is written', async () => {
    const roles = await srv.api('GET', `/organization-roles/${W.admin.id}/scopes`);
    assert.equal(roles.json.length, 4);
    expectStatus(await srv.api('GET', `/organization-scopes/${W.scope['read:resource'].id}`), 200);
  });

  test('hostile and invalid bodies are 400 guard.invalid_input; unknown ids 404', async () => {
    const bad = [
      {}, { change: 'dropTables' }, { change: 42 }, { change: 'addRoleScopes' },
      { change: 'addRoleScopes', organizationRoleId: W.member.id },
      { change: 'addRoleScopes', organizationRoleId: W.member.id, organizationScopeIds: [] },
      { change: 'addRoleScopes', organizationRoleId: W.member.id, organizationScopeIds: 'x' },
      { change: 'addRoleScopes', organizationRoleId: W.member.id, organizationScopeIds: [1] },
      { change: 'deleteRole' }, { change: 'deleteRole', organizationRoleId: '' },
      { change: 'deleteRole', organizationRoleId: ['x'] }, { change: 'deleteScope' },
      { change: 'removeRoleScopes', organizationRoleId: W.member.id,
        organizationScopeIds: Array.from({ length: 1001 }, (_, i) => `s${i}`) },
    ];
    for (const body of bad) {
      expectError(await preview(body), 400, 'guard.invalid_input');
    }
    for (const raw of ['{', '[]', '"x"', 'null', '{"change":"deleteRole","organizationRoleId":"\\ud800"}']) {
      const res = await srv.api('POST', '/organization-template/impact-preview', undefined, { raw });
      expectError(res, 400, 'guard.invalid_input');
    }
    expectError(await preview({ change: 'deleteRole', organizationRoleId: 'nosuchrole' }), 404, 'entity.not_exists_with_id');
    expectError(await preview({ change: 'deleteScope', organizationScopeId: "x' OR 1=1 --" }), 404, 'entity.not_exists_with_id');
    expectError(await preview({
      change: 'addRoleScopes', organizationRoleId: W.member.id, organizationScopeIds: [W.scope.unused.id, 'nosuchscope'],
    }), 404, 'entity.not_exists_with_id');
    const noAuth = await srv.api('POST', '/organization-template/impact-preview', { change: 'deleteRole' }, { token: null });
    expectError(noAuth, 401, 'auth.authorization_header_missing');
  });
});
