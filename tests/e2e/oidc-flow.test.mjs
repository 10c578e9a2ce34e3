// Standard OIDC with a generic client: openid-client (discovery, authorization code + PKCE,
// refresh, userinfo, revocation, introspection) and jose (every token verified against
// /oidc/jwks), driving the hosted sign-in page over HTTP. Plus M2M organization tokens,
// organization-scoped resource tokens, form_post, session reuse and sign-out.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as jose from 'jose';
import * as client from 'openid-client';

import { addMemberRoles, addMembers, createOrg, expectStatus } from './lib/helpers.mjs';
import {
  CookieJar,
  authorizationUrl,
  browse,
  createOidcApp,
  createUserWithPassword,
  pkce,
  signInThrough,
  tokenRequest,
  userTokens,
} from './lib/oidc.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();
const insecure = { execute: [client.allowInsecureRequests] };

let jwks, alice, org, web, spa, resource, orgScope;

async function verifyAccessToken(token, audience) {
  const { payload, protectedHeader } = await jose.jwtVerify(token, jwks, { issuer: srv.issuer, audience, typ: 'at+jwt' });
  assert.equal(protectedHeader.typ, 'at+jwt');
  assert.ok(protectedHeader.kid);
  for (const claim of ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'client_id', 'scope']) {
    assert.ok(claim in payload, `access token lacks ${claim}`);
  }
  assert.ok(payload.exp > Date.now() / 1000);
  return payload;
}

before(async () => {
  jwks = jose.createRemoteJWKSet(new URL('/oidc/jwks', srv.endpoint));
  alice = await createUserWithPassword(srv, { name: 'Alice', primaryEmail: `alice.${Date.now()}@example.com` });
  org = await createOrg(srv, { name: 'Acme', description: 'the org' });
  const s = await srv.api('POST', '/organization-scopes', { name: 'read:doc' });
  expectStatus(s, 201);
  orgScope = s.json;
  const res = await srv.api('POST', '/resources', { name: 'Docs API', indicator: 'https://docs.example.com/api' });
  expectStatus(res, 201);
  resource = res.json;
  const rs = await srv.api('POST', `/resources/${resource.id}/scopes`, { name: 'docs:write' });
  expectStatus(rs, 201);
  const role = await srv.api('POST', '/organization-roles', {
    name: 'editor', organizationScopeIds: [orgScope.id], resourceScopeIds: [rs.json.id],
  });
  expectStatus(role, 201);
  await addMembers(srv, org.id, [alice.user.id]);
  await addMemberRoles(srv, org.id, alice.user.id, [role.json.id]);
  web = await createOidcApp(srv, 'Traditional');
  spa = await createOidcApp(srv, 'SPA');
});

describe('openid-client against Gatehouse', () => {
  test('discovery names the endpoints and capabilities of API.md', async () => {
    const config = await client.discovery(new URL(srv.issuer), spa.app.id, undefined, client.None(), insecure);
    const meta = config.serverMetadata();
    assert.equal(meta.issuer, srv.issuer);
    assert.equal(meta.authorization_endpoint, `${srv.issuer}/auth`);
    assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
    assert.equal(meta.authorization_response_iss_parameter_supported, true);
  });

  test('a public SPA signs in with code + PKCE, refreshes with rotation and reads userinfo', async () => {
    const config = await client.discovery(new URL(srv.issuer), spa.app.id, undefined, client.None(), insecure);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: spa.redirectUri,
      scope: 'openid profile email offline_access urn:logto:scope:organizations urn:logto:scope:organization_roles',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      prompt: 'consent',
    });
    const done = await signInThrough(srv, url, alice);
    const tokens = await client.authorizationCodeGrant(config, done.location, {
      pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce,
    });
    const claims = tokens.claims();
    assert.equal(claims.sub, alice.user.id);
    assert.equal(claims.username, alice.username);
    assert.equal(claims.name, 'Alice');
    assert.deepEqual(claims.organizations, [org.id]);
    assert.deepEqual(claims.organization_roles, [`${org.id}:editor`]);
    const { payload: idPayload, protectedHeader } = await jose.jwtVerify(tokens.id_token, jwks, {
      issuer: srv.issuer, audience: spa.app.id,
    });
    assert.equal(protectedHeader.alg, 'ES256');
    assert.equal(idPayload.nonce, nonce);
    assert.ok(idPayload.auth_time <= Date.now() / 1000 + 1);
    assert.ok(tokens.refresh_token.length >= 43);
    await verifyAccessToken(tokens.access_token, `${srv.issuer}/me`);

    const info = await client.fetchUserInfo(config, tokens.access_token, alice.user.id);
    assert.equal(info.sub, alice.user.id);
    assert.equal(info.email, alice.user.primaryEmail);
    assert.deepEqual(info.organization_data, [{ id: org.id, name: 'Acme', description: 'the org' }]);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    assert.equal(refreshed.claims().sub, alice.user.id);

    const orgTokens = await client.refreshTokenGrant(config, refreshed.refresh_token, { organization_id: org.id });
    const payload = await verifyAccessToken(orgTokens.access_token, `urn:logto:organization:${org.id}`);
    assert.equal(payload.sub, alice.user.id);
    assert.equal(payload.scope, '');  // read:doc was not requested at sign-in
  });

  test('a confidential client authenticates with client_secret_basic, revokes and introspects', async () => {
    const config = await client.discovery(new URL(srv.issuer), web.app.id, web.secret, client.ClientSecretBasic(web.secret), insecure);
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: web.redirectUri,
      scope: 'openid offline_access urn:logto:scope:organizations read:doc docs:write',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      resource: resource.indicator,
    });
    const done = await signInThrough(srv, url, alice);
    const tokens = await client.authorizationCodeGrant(config, done.location, { pkceCodeVerifier: verifier });

    const orgToken = await client.refreshTokenGrant(config, tokens.refresh_token, { organization_id: org.id });
    assert.equal((await verifyAccessToken(orgToken.access_token, `urn:logto:organization:${org.id}`)).scope, 'read:doc');

    const resToken = await client.refreshTokenGrant(config, tokens.refresh_token, {
      organization_id: org.id, resource: resource.indicator,
    });
    const resPayload = await verifyAccessToken(resToken.access_token, resource.indicator);
    assert.equal(resPayload.organization_id, org.id);
    assert.equal(resPayload.scope, 'docs:write');

    const active = await client.tokenIntrospection(config, tokens.refresh_token);
    assert.equal(active.active, true);
    assert.equal(active.sub, alice.user.id);
    const at = await client.tokenIntrospection(config, orgToken.access_token);
    assert.equal(at.active, true);
    assert.equal(at.aud, `urn:logto:organization:${org.id}`);

    await client.tokenRevocation(config, tokens.refresh_token);
    assert.equal((await client.tokenIntrospection(config, tokens.refresh_token)).active, false);
    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token), (e) => e.error === 'invalid_grant');
  });
});

describe('browser session', () => {
  test('a second authorization with the session cookie returns a code without the sign-in page', async () => {
    const { challenge } = pkce();
    const params = {
      client_id: spa.app.id, redirect_uri: spa.redirectUri, response_type: 'code', scope: 'openid',
      code_challenge: challenge, code_challenge_method: 'S256',
    };
    const first = await signInThrough(srv, authorizationUrl(srv, params), alice);
    const again = await browse(first.jar, authorizationUrl(srv, { ...params, prompt: 'none', state: 'n' }));
    assert.equal(again.status, 303);
    const loc = new URL(again.location);
    assert.ok(loc.searchParams.get('code'));
    assert.equal(loc.searchParams.get('state'), 'n');
    const forced = await browse(first.jar, authorizationUrl(srv, { ...params, prompt: 'login' }));
    assert.equal(new URL(forced.location, srv.endpoint).pathname, '/sign-in');
  });

  test('form_post delivers the code in an auto-submitting form', async () => {
    const { challenge } = pkce();
    const url = authorizationUrl(srv, {
      client_id: spa.app.id, redirect_uri: spa.redirectUri, response_type: 'code', scope: 'openid',
      code_challenge: challenge, code_challenge_method: 'S256', response_mode: 'form_post', state: 'fp',
    });
    const jar = new CookieJar();
    await browse(jar, url);
    const page = await browse(jar, new URL('/sign-in', srv.endpoint));
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)[1];
    const res = await browse(jar, new URL('/sign-in', srv.endpoint), {
      method: 'POST', form: { csrf, identifier: alice.username, password: alice.password },
    });
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(`action="${spa.redirectUri}"`));
    assert.match(res.text, /name="code" value="[^"]+"/);
    assert.match(res.text, /name="state" value="fp"/);
    assert.match(res.text, /name="iss"/);
  });

  test('sign-out with id_token_hint returns to the registered post-logout URI and ends the session', async () => {
    const tokens = await userTokens(srv, web, alice, 'openid');
    const jar = new CookieJar();
    const { challenge } = pkce();
    const params = {
      client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', scope: 'openid',
      code_challenge: challenge, code_challenge_method: 'S256',
    };
    await signInThrough(srv, authorizationUrl(srv, params), { ...alice, jar });
    const bad = await browse(jar, new URL(`/oidc/session/end?id_token_hint=${tokens.id_token}&post_logout_redirect_uri=${encodeURIComponent('https://evil.example.com/')}`, srv.endpoint));
    assert.equal(bad.status, 400);
    assert.equal(bad.location, null);
    const end = new URL('/oidc/session/end', srv.endpoint);
    end.searchParams.set('id_token_hint', tokens.id_token);
    end.searchParams.set('post_logout_redirect_uri', web.postLogoutRedirectUri);
    end.searchParams.set('state', 'bye');
    const res = await browse(jar, end);
    assert.equal(res.status, 303);
    assert.equal(res.location, `${web.postLogoutRedirectUri}?state=bye`);
    const none = await browse(jar, authorizationUrl(srv, { ...params, prompt: 'none' }));
    assert.equal(new URL(none.location).searchParams.get('error'), 'login_required');
  });
});

describe('machine-to-machine organization tokens', () => {
  test('client_credentials + organization_id gives an organization token to a member app only', async () => {
    const m2mScope = await srv.api('POST', '/organization-scopes', { name: 'sync:data' });
    const m2mRole = await srv.api('POST', '/organization-roles', {
      name: 'robot', type: 'MachineToMachine', organizationScopeIds: [m2mScope.json.id],
    });
    expectStatus(m2mRole, 201);
    const bot = await createOidcApp(srv, 'MachineToMachine');
    const form = { grant_type: 'client_credentials', organization_id: org.id };
    const creds = { clientId: bot.app.id, clientSecret: bot.secret };
    const denied = await tokenRequest(srv, form, creds);
    assert.equal(denied.status, 403);
    assert.equal(denied.json.code, 'oidc.access_denied');

    expectStatus(await srv.api('POST', `/organizations/${org.id}/applications`, { applicationIds: [bot.app.id] }), 201);
    expectStatus(await srv.api('POST', `/organizations/${org.id}/applications/${bot.app.id}/roles`, {
      organizationRoleIds: [m2mRole.json.id],
    }), 201);
    const ok = await tokenRequest(srv, form, creds);
    expectStatus(ok, 200);
    const payload = await verifyAccessToken(ok.json.access_token, `urn:logto:organization:${org.id}`);
    assert.equal(payload.sub, bot.app.id);
    assert.equal(payload.scope, 'sync:data');
    const explicitNone = await tokenRequest(srv, { ...form, scope: 'read:doc' }, creds);
    assert.equal(explicitNone.status, 403);
    assert.equal(explicitNone.json.code, 'oidc.access_denied');
  });
});
