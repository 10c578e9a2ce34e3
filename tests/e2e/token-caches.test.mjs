// The token endpoint's read caches (doc/performance.md) must never serve what a write has
// changed: every change made through the Management API is honoured by the very next token
// request, with no wait in between.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createAppWithSecret, createOrg, createOrgRole, createOrgScope, expectStatus, jwtPayload } from './lib/helpers.mjs';
import { createOidcApp, createUserWithPassword, tokenRequest, userTokens } from './lib/oidc.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();

async function m2mMember() {
  const [a, b] = [await createOrgScope(srv), await createOrgScope(srv)];
  const role = await createOrgRole(srv, { type: 'MachineToMachine', organizationScopeIds: [a.id, b.id] });
  const org = await createOrg(srv);
  const { app, secret } = await createAppWithSecret(srv);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/applications`, { applicationIds: [app.id] }), 201);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/applications/${app.id}/roles`,
    { organizationRoleIds: [role.id] }), 201);
  const token = () => tokenRequest(srv, { grant_type: 'client_credentials', organization_id: org.id },
    { clientId: app.id, clientSecret: secret });
  return { a, b, role, org, app, secret, token };
}

const scopesOf = (res) => res.json.scope.split(' ').filter(Boolean).sort();

test('a permission removed from the role is gone from the next M2M organization token', async () => {
  const m = await m2mMember();
  for (let i = 0; i < 3; i++) assert.deepEqual(scopesOf(await m.token()), [m.a.name, m.b.name].sort());
  expectStatus(await srv.api('DELETE', `/organization-roles/${m.role.id}/scopes/${m.b.id}`), 204);
  const res = await m.token();
  expectStatus(res, 200);
  assert.deepEqual(scopesOf(res), [m.a.name]);
  assert.equal(jwtPayload(res.json.access_token).scope, m.a.name);
});

test('a role taken from the application is gone from the next token', async () => {
  const m = await m2mMember();
  expectStatus(await m.token(), 200);
  expectStatus(await srv.api('DELETE', `/organizations/${m.org.id}/applications/${m.app.id}/roles/${m.role.id}`), 204);
  const res = await m.token();
  assert.ok(res.status === 403 || (res.status === 200 && res.json.scope === ''), res.text);
});

test('an application removed from the organization is refused at the next request', async () => {
  const m = await m2mMember();
  expectStatus(await m.token(), 200);
  expectStatus(await srv.api('DELETE', `/organizations/${m.org.id}/applications/${m.app.id}`), 204);
  const res = await m.token();
  assert.equal(res.status, 403, res.text);
  assert.equal(res.json.error, 'access_denied');
});

test('a deleted organization refuses at the next request', async () => {
  const m = await m2mMember();
  expectStatus(await m.token(), 200);
  expectStatus(await srv.api('DELETE', `/organizations/${m.org.id}`), 204);
  assert.equal((await m.token()).status, 403);
});

test('a deleted application no longer authenticates at the next request', async () => {
  const m = await m2mMember();
  expectStatus(await m.token(), 200);
  expectStatus(await srv.api('DELETE', `/applications/${m.app.id}`), 204);
  const res = await m.token();
  assert.equal(res.status, 401, res.text);
  assert.equal(res.json.error, 'invalid_client');
});

test('a secret that expires stops authenticating although it was used a moment before', async () => {
  const m = await m2mMember();
  const res = await srv.api('POST', `/applications/${m.app.id}/secrets`, { name: 'short', expiresAt: Date.now() + 1500 });
  expectStatus(res, 201);
  const short = () => tokenRequest(srv, { grant_type: 'client_credentials', organization_id: m.org.id },
    { clientId: m.app.id, clientSecret: res.json.value });
  expectStatus(await short(), 200);
  await new Promise((r) => setTimeout(r, 1700));
  assert.equal((await short()).status, 401);
  expectStatus(await m.token(), 200);
});

// The user path: a confidential web app's refresh_token + organization_id, asked again and again.
async function userMember() {
  const [a, b] = [await createOrgScope(srv), await createOrgScope(srv)];
  const role = await createOrgRole(srv, { organizationScopeIds: [a.id, b.id] });
  const org = await createOrg(srv);
  const person = await createUserWithPassword(srv);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/users`, { userIds: [person.user.id] }), 201);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/users/${person.user.id}/roles`,
    { organizationRoleIds: [role.id] }), 201);
  const web = await createOidcApp(srv);
  const tokens = await userTokens(srv, web, person,
    `offline_access urn:logto:scope:organizations ${a.name} ${b.name}`);
  const refresh = (form = {}) => tokenRequest(srv,
    { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, organization_id: org.id, ...form },
    { clientId: web.app.id, clientSecret: web.secret });
  for (let i = 0; i < 3; i++) assert.deepEqual(scopesOf(await refresh()), [a.name, b.name].sort());
  return { a, b, role, org, person, web, tokens, refresh };
}

test('refresh: a permission removed from the role is gone from the next organization token', async () => {
  const m = await userMember();
  expectStatus(await srv.api('DELETE', `/organization-roles/${m.role.id}/scopes/${m.b.id}`), 204);
  assert.deepEqual(scopesOf(await m.refresh()), [m.a.name]);
});

test('refresh: a member removed from the organization is refused at the next request', async () => {
  const m = await userMember();
  expectStatus(await srv.api('DELETE', `/organizations/${m.org.id}/users/${m.person.user.id}`), 204);
  const res = await m.refresh();
  assert.equal(res.status, 403, res.text);
  assert.equal(res.json.error, 'access_denied');
});

test('refresh: a revoked refresh token is refused at the next request', async () => {
  const m = await userMember();
  const res = await srv.request('POST', '/oidc/token/revocation', {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'Basic ' + Buffer.from(`${m.web.app.id}:${m.web.secret}`).toString('base64'),
    },
    body: new URLSearchParams({ token: m.tokens.refresh_token, token_type_hint: 'refresh_token' }).toString(),
  });
  expectStatus(res, 200);
  const after = await m.refresh();
  assert.equal(after.status, 400, after.text);
  assert.equal(after.json.error, 'invalid_grant');
});

test('refresh: a suspended user is refused at the next request', async () => {
  const m = await userMember();
  expectStatus(await srv.api('PATCH', `/users/${m.person.user.id}/is-suspended`, { isSuspended: true }), 200);
  const res = await m.refresh();
  assert.equal(res.status, 400, res.text);
  assert.equal(res.json.error, 'invalid_grant');
});

test('refresh: another scope or organization is never answered from the plan of the first', async () => {
  const m = await userMember();
  assert.deepEqual(scopesOf(await m.refresh({ scope: m.a.name })), [m.a.name]);
  assert.deepEqual(scopesOf(await m.refresh({ scope: m.b.name })), [m.b.name]);
  const other = await createOrg(srv);
  assert.equal((await m.refresh({ organization_id: other.id })).status, 403);
});
