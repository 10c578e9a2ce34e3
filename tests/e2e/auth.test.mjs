// Management API authentication conventions (API.md "Conventions"): missing header,
// non-Bearer scheme, invalid / forged / wrong-audience tokens, and tokens without `all`.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SignJWT, generateKeyPair, decodeProtectedHeader } from 'jose';

import {
  createAppWithSecret,
  createResource,
  createResourceScope,
  createRole,
  expectError,
  expectStatus,
  jwtPayload,
} from './lib/helpers.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();

// A sample of routes from every resource family, each with a method that needs auth.
const PROTECTED = [
  ['GET', '/users'],
  ['POST', '/users'],
  ['GET', '/applications'],
  ['GET', '/resources'],
  ['GET', '/roles'],
  ['GET', '/organization-scopes'],
  ['GET', '/organization-roles'],
  ['GET', '/organizations'],
  ['POST', '/organizations'],
  ['GET', '/organizations/abcdefghijkl/users'],
  ['DELETE', '/organizations/abcdefghijkl'],
];

test('every Management API route answers 401 auth.authorization_header_missing without an Authorization header', async () => {
  for (const [method, path] of PROTECTED) {
    const body = method === 'POST' ? { name: 'x' } : undefined;
    const res = await srv.api(method, path, body, { token: null });
    expectError(res, 401, 'auth.authorization_header_missing');
  }
});

test('a Basic Authorization header answers 401 auth.authorization_token_type_not_supported', async () => {
  const basic = 'Basic ' + Buffer.from(`${srv.clientId}:${srv.clientSecret}`).toString('base64');
  const res = await srv.api('GET', '/organizations', undefined, { token: null, headers: { authorization: basic } });
  expectError(res, 401, 'auth.authorization_token_type_not_supported');
});

test('an Authorization header with an unknown scheme answers 401 auth.authorization_token_type_not_supported', async () => {
  const token = await srv.managementToken();
  const res = await srv.api('GET', '/organizations', undefined, {
    token: null,
    headers: { authorization: `Token ${token}` },
  });
  expectError(res, 401, 'auth.authorization_token_type_not_supported');
});

test('a Bearer token that is not a JWT answers 401 auth.unauthorized', async () => {
  for (const garbage of ['garbage', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA', '....', 'x'.repeat(4000)]) {
    const res = await srv.api('GET', '/organizations', undefined, { token: garbage });
    expectError(res, 401, 'auth.unauthorized');
  }
});

test('a real Management API token whose payload was altered answers 401 auth.unauthorized', async () => {
  const token = await srv.managementToken();
  const [h, , s] = token.split('.');
  const claims = jwtPayload(token);
  const altered = { ...claims, exp: Math.floor(Date.now() / 1000) - 60, scope: 'all' };
  const forged = [h, Buffer.from(JSON.stringify(altered)).toString('base64url'), s].join('.');
  const res = await srv.api('GET', '/organizations', undefined, { token: forged });
  expectError(res, 401, 'auth.unauthorized');
});

test('a token with correct claims signed by a key the server does not own answers 401 auth.unauthorized', async () => {
  const real = await srv.managementToken();
  const { kid } = decodeProtectedHeader(real);
  const { privateKey } = await generateKeyPair('ES256');
  const forged = await new SignJWT({ scope: 'all', client_id: srv.clientId })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
    .setIssuer(srv.issuer)
    .setAudience(srv.managementResource)
    .setSubject(srv.clientId)
    .setIssuedAt()
    .setJti('forged-' + Date.now())
    .setExpirationTime('1h')
    .sign(privateKey);
  const res = await srv.api('GET', '/organizations', undefined, { token: forged });
  expectError(res, 401, 'auth.unauthorized');
});

test('an unsigned token (alg none) answers 401 auth.unauthorized', async () => {
  const claims = jwtPayload(await srv.managementToken());
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const res = await srv.api('GET', '/organizations', undefined, { token: `${header}.${payload}.` });
  expectError(res, 401, 'auth.unauthorized');
});

test('a token with an expired exp, even when otherwise well-formed, answers 401 auth.unauthorized', async () => {
  // The server's key cannot be had, so the expired token is signed by a foreign key with the
  // server's kid: whichever check runs first, the answer must be 401 auth.unauthorized.
  const { kid } = decodeProtectedHeader(await srv.managementToken());
  const { privateKey } = await generateKeyPair('ES256');
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ scope: 'all', client_id: srv.clientId })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
    .setIssuer(srv.issuer)
    .setAudience(srv.managementResource)
    .setSubject(srv.clientId)
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 3600)
    .sign(privateKey);
  const res = await srv.api('GET', '/organizations', undefined, { token: expired });
  expectError(res, 401, 'auth.unauthorized');
});

test('a server-signed token whose audience is another API resource answers 401 auth.unauthorized', async () => {
  // Another resource with a scope literally named `all`, granted to an M2M app through a
  // global MachineToMachine role: the token is genuine and carries `all`, only aud differs.
  const resource = await createResource(srv);
  const all = await createResourceScope(srv, resource.id, { name: 'all' });
  const role = await createRole(srv, { type: 'MachineToMachine', scopeIds: [all.id] });
  const { app, secret } = await createAppWithSecret(srv);
  expectStatus(await srv.api('POST', `/roles/${role.id}/applications`, { applicationIds: [app.id] }), 201);

  const tokenRes = await srv.clientCredentials({
    clientId: app.id,
    clientSecret: secret,
    resource: resource.indicator,
    scope: 'all',
  });
  expectStatus(tokenRes, 200);
  const claims = jwtPayload(tokenRes.json.access_token);
  assert.equal(claims.aud, resource.indicator);
  assert.equal(claims.scope, 'all');

  const res = await srv.api('GET', '/organizations', undefined, { token: tokenRes.json.access_token });
  expectError(res, 401, 'auth.unauthorized');
});

test('a Management API token without the `all` permission answers 403 auth.forbidden', async () => {
  // A fresh M2M app holds no Management API permission: its token for the Management API
  // is issued with the requested `all` filtered out.
  const { app, secret } = await createAppWithSecret(srv);
  const tokenRes = await srv.clientCredentials({ clientId: app.id, clientSecret: secret, scope: 'all' });
  expectStatus(tokenRes, 200);
  const claims = jwtPayload(tokenRes.json.access_token);
  assert.equal(claims.aud, srv.managementResource);
  assert.ok(!String(claims.scope ?? '').split(' ').includes('all'), `token unexpectedly holds all: ${claims.scope}`);

  for (const [method, path] of PROTECTED) {
    const body = method === 'POST' ? { name: 'x' } : undefined;
    const res = await srv.api(method, path, body, { token: tokenRes.json.access_token });
    expectError(res, 403, 'auth.forbidden');
  }
});

test('a token of the bootstrap application carries `all` and is accepted', async () => {
  const token = await srv.managementToken();
  assert.deepEqual(String(jwtPayload(token).scope).split(' '), ['all']);
  const res = await srv.api('GET', '/organizations', undefined, { token });
  expectStatus(res, 200);
});
