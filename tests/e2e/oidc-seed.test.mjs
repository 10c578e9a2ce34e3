// The seed scenario of PRODUCT.md §2, end to end: users sign in through the hosted sign-in page
// with Logto's own SDK (@logto/node), ask for organization tokens, and the tokens are verified
// with jose against /oidc/jwks. Then the template and memberships change and the very next token
// request reflects it — no restart, no per-organization work.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import LogtoClient from '@logto/node';
import * as jose from 'jose';

import { addMemberRoles, addMembers, createOrg, expectStatus } from './lib/helpers.mjs';
import { createOidcApp, createUserWithPassword, signInThrough, tokenRequest } from './lib/oidc.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();

const PERMISSIONS = ['add:member', 'remove:member', 'change:role', 'read:resource', 'invite:member', 'deploy:app'];
const ORG_SCOPES = ['urn:logto:scope:organizations', 'urn:logto:scope:organization_roles'];

let jwks;
const scopeIds = {};
const roles = {};
let orgA, orgB, alice, bob, app;
const clients = {};

/** A @logto/node client signed in as `who` through the hosted sign-in page. */
async function signedInClient(who) {
  const storage = new Map();
  let navigated;
  const navigations = [];
  const client = new LogtoClient(
    {
      endpoint: srv.endpoint,
      appId: app.app.id,
      appSecret: app.secret,
      scopes: [...ORG_SCOPES, ...PERMISSIONS],
    },
    {
      navigate: (url) => {
        navigated = url;
        navigations.push(url);
      },
      storage: {
        getItem: async (k) => storage.get(k) ?? null,
        setItem: async (k, v) => void storage.set(k, v),
        removeItem: async (k) => void storage.delete(k),
      },
    },
  );
  await client.signIn(app.redirectUri);
  assert.ok(navigated, 'the SDK did not navigate to the authorization endpoint');
  const done = await signInThrough(srv, navigated, { username: who.username, password: who.password });
  await client.handleSignInCallback(done.location.toString());
  assert.equal(await client.isAuthenticated(), true);
  client.navigations = navigations;
  return client;
}

/** The organization-token request of the SDK, with an explicit scope (raw, to see errors). */
async function orgToken(who, orgId, scope) {
  const refreshToken = await clients[who].getRefreshToken();
  const form = { grant_type: 'refresh_token', refresh_token: refreshToken, organization_id: orgId };
  if (scope !== undefined) form.scope = scope;
  return tokenRequest(srv, form, { clientId: app.app.id, clientSecret: app.secret });
}

async function verifyOrgToken(token, orgId) {
  const { payload, protectedHeader } = await jose.jwtVerify(token, jwks, {
    issuer: srv.issuer,
    audience: `urn:logto:organization:${orgId}`,
    typ: 'at+jwt',
  });
  assert.equal(protectedHeader.typ, 'at+jwt');
  assert.ok(payload.exp > Date.now() / 1000, 'token already expired');
  return payload;
}

function expectOAuthError(res, status, error) {
  assert.equal(res.status, status, `expected ${status} ${error}, got ${res.status} ${res.text}`);
  assert.equal(res.json.error, error);
  assert.equal(res.json.code, `oidc.${error}`);
  assert.equal(typeof res.json.message, 'string');
  assert.equal(res.json.message, res.json.error_description);
}

before(async () => {
  jwks = jose.createRemoteJWKSet(new URL('/oidc/jwks', srv.endpoint));
  for (const name of PERMISSIONS) {
    const res = await srv.api('POST', '/organization-scopes', { name });
    expectStatus(res, 201);
    scopeIds[name] = res.json.id;
  }
  const template = {
    admin: ['add:member', 'remove:member', 'change:role', 'read:resource'],
    member: ['read:resource', 'invite:member'],
  };
  for (const [name, perms] of Object.entries(template)) {
    const res = await srv.api('POST', '/organization-roles', {
      name,
      organizationScopeIds: perms.map((p) => scopeIds[p]),
    });
    expectStatus(res, 201);
    roles[name] = res.json;
  }
  orgA = await createOrg(srv, { name: 'Organization A' });
  orgB = await createOrg(srv, { name: 'Organization B' });
  alice = await createUserWithPassword(srv, { name: 'Alice' });
  bob = await createUserWithPassword(srv, { name: 'Bob' });
  await addMembers(srv, orgA.id, [alice.user.id, bob.user.id]);
  await addMembers(srv, orgB.id, [alice.user.id]);
  await addMemberRoles(srv, orgA.id, alice.user.id, [roles.admin.id]);
  await addMemberRoles(srv, orgA.id, bob.user.id, [roles.member.id]);
  await addMemberRoles(srv, orgB.id, alice.user.id, [roles.member.id]);
  app = await createOidcApp(srv, 'Traditional');
  clients.alice = await signedInClient(alice);
  clients.bob = await signedInClient(bob);
});

describe('seed scenario (PRODUCT.md §2)', () => {
  test('the ID token lists the organizations and organization roles of the user', async () => {
    const claims = await clients.alice.getIdTokenClaims();
    assert.equal(claims.sub, alice.user.id);
    assert.deepEqual([...claims.organizations].sort(), [orgA.id, orgB.id].sort());
    assert.deepEqual(
      [...claims.organization_roles].sort(),
      [`${orgA.id}:admin`, `${orgB.id}:member`].sort(),
    );
  });

  test('@logto/node getOrganizationToken for an organization of the user gives a token jose verifies', async () => {
    const token = await clients.alice.getOrganizationToken(orgA.id);
    const payload = await verifyOrgToken(token, orgA.id);
    assert.equal(payload.sub, alice.user.id);
    assert.equal(payload.iss, srv.issuer);
    assert.equal(payload.client_id, app.app.id);
    assert.deepEqual(payload.scope.split(' ').sort(), ['add:member', 'change:role', 'read:resource', 'remove:member']);
  });

  test('@logto/node getOrganizationToken for an organization the user is not in fails with oidc.access_denied', async () => {
    await assert.rejects(clients.bob.getOrganizationToken(orgB.id), (e) => {
      assert.equal(e.code, 'oidc.access_denied');
      return true;
    });
  });

  test('Alice asks for A with remove:member and gets exactly that, for audience A', async () => {
    const res = await orgToken('alice', orgA.id, 'remove:member');
    expectStatus(res, 200);
    assert.equal(res.json.scope, 'remove:member');
    assert.equal(res.json.expires_in, 3600);
    assert.equal(res.json.token_type, 'Bearer');
    const payload = await verifyOrgToken(res.json.access_token, orgA.id);
    assert.equal(payload.scope, 'remove:member');
    assert.equal(payload.sub, alice.user.id);
  });

  test('Bob asks for A with remove:member and is refused (he holds none of it there)', async () => {
    expectOAuthError(await orgToken('bob', orgA.id, 'remove:member'), 403, 'access_denied');
  });

  test('Alice asks for B with remove:member and is refused (member role there)', async () => {
    expectOAuthError(await orgToken('alice', orgB.id, 'remove:member'), 403, 'access_denied');
  });

  test('Bob asks for B with any permission and is refused (not a member)', async () => {
    for (const scope of [undefined, 'read:resource', 'invite:member remove:member']) {
      const res = await orgToken('bob', orgB.id, scope);
      expectOAuthError(res, 403, 'access_denied');
      assert.match(res.json.error_description, /not a member/);
    }
  });

  test('issued scope is requested ∩ held when only some requested scopes are held', async () => {
    const res = await orgToken('bob', orgA.id, 'read:resource remove:member');
    expectStatus(res, 200);
    assert.equal(res.json.scope, 'read:resource');
  });

  test('a new template role "developer" is usable in every organization at once', async () => {
    const created = await srv.api('POST', '/organization-roles', {
      name: 'developer',
      organizationScopeIds: [scopeIds['deploy:app'], scopeIds['read:resource']],
    });
    expectStatus(created, 201);
    roles.developer = created.json;
    expectOAuthError(await orgToken('bob', orgA.id, 'deploy:app'), 403, 'access_denied');
    await addMemberRoles(srv, orgA.id, bob.user.id, [roles.developer.id]);
    await addMemberRoles(srv, orgB.id, alice.user.id, [roles.developer.id]);
    const bobA = await orgToken('bob', orgA.id, 'deploy:app');
    expectStatus(bobA, 200);
    assert.equal((await verifyOrgToken(bobA.json.access_token, orgA.id)).scope, 'deploy:app');
    const aliceB = await orgToken('alice', orgB.id, 'deploy:app');
    expectStatus(aliceB, 200);
    assert.equal(aliceB.json.scope, 'deploy:app');
  });

  test('a permission added to or removed from a role changes the next token', async () => {
    const add = await srv.api('POST', `/organization-roles/${roles.member.id}/scopes`, {
      organizationScopeIds: [scopeIds['change:role']],
    });
    expectStatus(add, 201);
    const after = await orgToken('bob', orgA.id, 'change:role');
    expectStatus(after, 200);
    assert.equal(after.json.scope, 'change:role');
    const del = await srv.api('DELETE', `/organization-roles/${roles.member.id}/scopes/${scopeIds['change:role']}`);
    expectStatus(del, 204);
    expectOAuthError(await orgToken('bob', orgA.id, 'change:role'), 403, 'access_denied');
  });

  test('a member removed from an organization is refused at the next request', async () => {
    expectStatus(await orgToken('bob', orgA.id, 'read:resource'), 200);
    expectStatus(await srv.api('DELETE', `/organizations/${orgA.id}/users/${bob.user.id}`), 204);
    const res = await orgToken('bob', orgA.id, 'read:resource');
    expectOAuthError(res, 403, 'access_denied');
    assert.match(res.json.error_description, /not a member/);
  });

  test('@logto/node signOut revokes the refresh token and ends at the post-logout URI', async () => {
    const refreshToken = await clients.alice.getRefreshToken();
    await clients.alice.signOut(app.postLogoutRedirectUri);
    const endSession = new URL(clients.alice.navigations.at(-1));
    assert.equal(endSession.pathname, '/oidc/session/end');
    const res = await fetch(endSession, { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), app.postLogoutRedirectUri);
    const after = await tokenRequest(srv, { grant_type: 'refresh_token', refresh_token: refreshToken, organization_id: orgA.id },
      { clientId: app.app.id, clientSecret: app.secret });
    expectOAuthError(after, 400, 'invalid_grant');
  });
});
