// The OIDC pieces of the foundation (issue 2, item 4; API.md "OIDC"): discovery, JWKS, and
// client_credentials + resource issuing RFC 9068 JWT access tokens, checked with real
// clients (jose, openid-client). The full sign-in flow is a later issue.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';

import {
  createAppWithSecret,
  createOrg,
  createResource,
  createResourceScope,
  createRole,
  expectStatus,
  jwtPayload,
  list,
} from './lib/helpers.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();

const DISCOVERY_PATHS = [
  '/oidc/.well-known/openid-configuration',
  '/.well-known/openid-configuration',
  '/oidc/.well-known/oauth-authorization-server',
];

function expectOAuthError(res, status, error) {
  assert.equal(res.status, status, `expected ${status} ${error}, got ${res.status} ${res.text}`);
  assert.equal(res.json?.error, error, res.text);
  assert.equal(typeof res.json.error_description, 'string', res.text);
  assert.equal(res.json.code, `oidc.${error}`, res.text);
  assert.equal(res.json.message, res.json.error_description, res.text);
}

function tokenRequest(form, headers = {}) {
  return srv.request('POST', '/oidc/token', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

test('the discovery document names the issuer, token endpoint and JWKS of this server', async () => {
  const res = await srv.request('GET', '/oidc/.well-known/openid-configuration');
  expectStatus(res, 200);
  const d = res.json;
  assert.equal(d.issuer, srv.issuer);
  assert.equal(d.token_endpoint, `${srv.issuer}/token`);
  assert.equal(d.jwks_uri, `${srv.issuer}/jwks`);
});

test('the discovery document is served at all three well-known paths with the same issuer', async () => {
  for (const p of DISCOVERY_PATHS) {
    const res = await srv.request('GET', p);
    expectStatus(res, 200);
    assert.equal(res.json?.issuer, srv.issuer, p);
    assert.equal(res.json?.jwks_uri, `${srv.issuer}/jwks`, p);
  }
});

test('the discovery document advertises client_credentials and both secret-based client authentications', async () => {
  const d = (await srv.request('GET', '/oidc/.well-known/openid-configuration')).json;
  assert.ok(d.grant_types_supported?.includes('client_credentials'), `grant_types_supported: ${d.grant_types_supported}`);
  for (const m of ['client_secret_basic', 'client_secret_post']) {
    assert.ok(d.token_endpoint_auth_methods_supported?.includes(m), `token_endpoint_auth_methods_supported lacks ${m}`);
  }
});

test('GET /oidc/jwks publishes public signing keys with kid, alg and use "sig", and no private parts', async () => {
  const res = await srv.request('GET', '/oidc/jwks');
  expectStatus(res, 200);
  assert.ok(Array.isArray(res.json?.keys) && res.json.keys.length >= 1, res.text);
  for (const k of res.json.keys) {
    assert.equal(typeof k.kid, 'string');
    assert.ok(k.kid.length > 0);
    assert.equal(k.use, 'sig');
    assert.equal(typeof k.kty, 'string');
    assert.equal(typeof k.alg, 'string');
    for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) assert.ok(!(priv in k), `private member ${priv} published`);
  }
});

test('the default signing key is an ES256 P-256 key', async () => {
  const { keys } = (await srv.request('GET', '/oidc/jwks')).json;
  const token = await srv.managementToken();
  const { kid, alg } = decodeProtectedHeader(token);
  assert.equal(alg, 'ES256');
  const key = keys.find((k) => k.kid === kid);
  assert.ok(key, 'the token kid is not in the JWKS');
  assert.equal(key.kty, 'EC');
  assert.equal(key.crv, 'P-256');
  assert.equal(key.alg, 'ES256');
});

test('GET /oidc/jwks is cacheable', async () => {
  const res = await srv.request('GET', '/oidc/jwks');
  assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
});

test('a client_credentials token verifies with jose: iss, aud, typ at+jwt, sub, client_id, scope, exp', async () => {
  const res = await srv.clientCredentials();
  expectStatus(res, 200);
  assert.match(res.json.token_type, /^bearer$/i);
  assert.equal(res.json.expires_in, 3600);
  assert.equal(res.json.scope, 'all');
  assert.equal(res.json.refresh_token, undefined, 'client_credentials must not issue a refresh token');

  const jwks = createRemoteJWKSet(new URL(`${srv.issuer}/jwks`));
  const { payload, protectedHeader } = await jwtVerify(res.json.access_token, jwks, {
    issuer: srv.issuer,
    audience: srv.managementResource,
    typ: 'at+jwt',
  });
  assert.equal(typeof protectedHeader.kid, 'string');
  assert.equal(payload.sub, srv.clientId);
  assert.equal(payload.client_id, srv.clientId);
  assert.equal(payload.scope, 'all');
  assert.equal(typeof payload.jti, 'string');
  assert.equal(payload.exp - payload.iat, 3600);
  assert.ok(Math.abs(payload.iat - Date.now() / 1000) < 60, 'iat is not now');
});

test('two tokens carry different jti values', async () => {
  const a = jwtPayload((await srv.clientCredentials()).json.access_token);
  const b = jwtPayload((await srv.clientCredentials()).json.access_token);
  assert.notEqual(a.jti, b.jti);
});

test('client_secret_post authenticates the client as well as HTTP Basic', async () => {
  const res = await srv.clientCredentials({ auth: 'post' });
  expectStatus(res, 200);
  assert.equal(jwtPayload(res.json.access_token).client_id, srv.clientId);
});

test('the token endpoint also accepts a JSON body', async () => {
  const res = await srv.request('POST', '/oidc/token', {
    json: {
      grant_type: 'client_credentials',
      client_id: srv.clientId,
      client_secret: srv.clientSecret,
      resource: srv.managementResource,
      scope: 'all',
    },
  });
  expectStatus(res, 200);
  assert.equal(jwtPayload(res.json.access_token).aud, srv.managementResource);
});

test('a wrong client secret answers 401 invalid_client', async () => {
  expectOAuthError(await srv.clientCredentials({ clientSecret: 'not-the-secret' }), 401, 'invalid_client');
});

test('an unknown client answers 401 invalid_client', async () => {
  expectOAuthError(await srv.clientCredentials({ clientId: 'nosuchclient', clientSecret: 'x' }), 401, 'invalid_client');
});

test('a token request without client authentication is refused', async () => {
  const res = await tokenRequest({ grant_type: 'client_credentials', resource: srv.managementResource, scope: 'all' });
  assert.ok([400, 401].includes(res.status), `got ${res.status} ${res.text}`);
  assert.ok(['invalid_client', 'invalid_request'].includes(res.json?.error), res.text);
});

test('an unsupported grant_type answers 400 unsupported_grant_type', async () => {
  const basic = 'Basic ' + Buffer.from(`${srv.clientId}:${srv.clientSecret}`).toString('base64');
  expectOAuthError(await tokenRequest({ grant_type: 'password', username: 'a', password: 'b' }, { authorization: basic }), 400, 'unsupported_grant_type');
});

test('a token request without grant_type answers 400 invalid_request', async () => {
  const basic = 'Basic ' + Buffer.from(`${srv.clientId}:${srv.clientSecret}`).toString('base64');
  expectOAuthError(await tokenRequest({ resource: srv.managementResource }, { authorization: basic }), 400, 'invalid_request');
});

test('an unknown resource indicator answers 400 invalid_target', async () => {
  expectOAuthError(await srv.clientCredentials({ resource: 'https://unknown.example.com/api' }), 400, 'invalid_target');
});

test('a client_credentials token for a custom resource carries exactly the granted scopes requested', async () => {
  const r = await createResource(srv);
  const read = await createResourceScope(srv, r.id, { name: 'read' });
  await createResourceScope(srv, r.id, { name: 'write' });
  const role = await createRole(srv, { type: 'MachineToMachine', scopeIds: [read.id] });
  const { app, secret } = await createAppWithSecret(srv);
  expectStatus(await srv.api('POST', `/roles/${role.id}/applications`, { applicationIds: [app.id] }), 201);
  const res = await srv.clientCredentials({ clientId: app.id, clientSecret: secret, resource: r.indicator, scope: 'read write' });
  expectStatus(res, 200);
  const jwks = createRemoteJWKSet(new URL(`${srv.issuer}/jwks`));
  const { payload } = await jwtVerify(res.json.access_token, jwks, { issuer: srv.issuer, audience: r.indicator, typ: 'at+jwt' });
  assert.equal(payload.scope, 'read');
  assert.equal(payload.sub, app.id);
  assert.equal(payload.organization_id, undefined);
});

test('openid-client discovers the server and obtains a client_credentials token', async () => {
  const config = await oidc.discovery(new URL(srv.issuer), srv.clientId, srv.clientSecret, oidc.ClientSecretBasic(srv.clientSecret), {
    execute: [oidc.allowInsecureRequests],
  });
  assert.equal(config.serverMetadata().issuer, srv.issuer);
  const tokens = await oidc.clientCredentialsGrant(config, { resource: srv.managementResource, scope: 'all' });
  assert.equal(typeof tokens.access_token, 'string');
  assert.equal(tokens.scope, 'all');
  const res = await srv.api('GET', '/organizations', undefined, { token: tokens.access_token });
  expectStatus(res, 200);
});

test('restarting on the same database keeps the signing key, the bootstrap client and the data', async () => {
  const before = await srv.managementToken();
  const { kid } = decodeProtectedHeader(before);
  const org = await createOrg(srv);
  await srv.restart();
  const jwks = (await srv.request('GET', '/oidc/jwks')).json;
  assert.ok(jwks.keys.some((k) => k.kid === kid), 'the signing key changed across a restart');
  // A token issued before the restart is still accepted, and the bootstrap client still works.
  expectStatus(await srv.api('GET', `/organizations/${org.id}`, undefined, { token: before }), 200);
  expectStatus(await srv.clientCredentials(), 200);
  const apps = await list(srv, `/applications?q=${srv.clientId}`);
  assert.equal(apps.filter((a) => a.id === srv.clientId).length, 1, 'bootstrap application duplicated or missing');
});
