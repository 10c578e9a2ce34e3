// Hostile and malformed input to every OIDC endpoint: each answer is a clear 4xx (or the normal
// answer), never a 5xx, a hang or a crash (PRODUCT.md §6). The harness fails the file on any 5xx.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { createOidcApp, createUserWithPassword, CookieJar, browse, authorizationUrl, pkce, userTokens } from './lib/oidc.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();
let web, alice, tokens;

before(async () => {
  web = await createOidcApp(srv, 'Traditional');
  alice = await createUserWithPassword(srv);
  tokens = await userTokens(srv, web, alice, 'openid offline_access urn:logto:scope:organizations');
});

const basic = () => 'Basic ' + Buffer.from(`${web.app.id}:${web.secret}`).toString('base64');
const form = { 'content-type': 'application/x-www-form-urlencoded' };

function expect4xx(res, what) {
  assert.ok(res.status >= 400 && res.status < 500, `${what}: expected a 4xx, got ${res.status} ${res.text.slice(0, 200)}`);
}

test('malformed token requests are 4xx with the OAuth error body', async () => {
  const bodies = [
    'grant_type=refresh_token&refresh_token=%ZZ',
    'grant_type=refresh_token&refresh_token=' + 'a'.repeat(100000),
    'grant_type=refresh_token&refresh_token=x&refresh_token=y',
    `grant_type=refresh_token&refresh_token=${tokens.refresh_token}&organization_id=${encodeURIComponent("' OR 1=1 --")}`,
    `grant_type=refresh_token&refresh_token=${tokens.refresh_token}&organization_id=${'z'.repeat(5000)}`,
    `grant_type=refresh_token&refresh_token=${tokens.refresh_token}&scope=${'s '.repeat(5000)}`,
    `grant_type=refresh_token&refresh_token=${tokens.refresh_token}&resource=a&resource=b`,
    `grant_type=refresh_token&refresh_token=${tokens.refresh_token}&resource=${encodeURIComponent('not a uri')}`,
    'grant_type=authorization_code',
    'grant_type=authorization_code&code=&redirect_uri=',
    'grant_type=authorization_code&code=abc&redirect_uri=x&code_verifier=' + '~'.repeat(200),
    'grant_type=password&username=a&password=b',
    'grant_type=' + '\u0000'.repeat(10),
    '',
  ];
  for (const body of bodies) {
    const res = await srv.request('POST', '/oidc/token', { headers: { ...form, authorization: basic() }, body });
    expect4xx(res, body.slice(0, 80));
    assert.equal(typeof res.json?.error, 'string', `no OAuth error for ${body.slice(0, 80)}`);
    assert.equal(res.json.code, `oidc.${res.json.error}`);
  }
  for (const json of ['{"grant_type":"refresh_token","refresh_token":{"a":1}}', '[1,2]', '{"grant_type":', 'null']) {
    const res = await srv.request('POST', '/oidc/token', {
      headers: { 'content-type': 'application/json', authorization: basic() }, body: json,
    });
    expect4xx(res, json);
  }
});

test('malformed client authentication is 401 invalid_client or 400', async () => {
  for (const authorization of ['Basic', 'Basic %%%', 'Basic ' + Buffer.from('nocolon').toString('base64'),
    'Basic ' + Buffer.from(':').toString('base64'), 'Bearer x', 'Basic ' + 'A'.repeat(10000)]) {
    const res = await srv.request('POST', '/oidc/token', {
      headers: { ...form, authorization }, body: `grant_type=refresh_token&refresh_token=${tokens.refresh_token}`,
    });
    expect4xx(res, authorization.slice(0, 30));
  }
});

test('odd authorization requests get a page or an error redirect, never a 5xx', async () => {
  const cases = [
    {},
    { client_id: web.app.id },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', scope: 'a '.repeat(500) },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', max_age: '-1' },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', max_age: '99999999999999999999' },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', prompt: 'none login' },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', prompt: 'bogus' },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', response_mode: 'fragment' },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', code_challenge: 'x', code_challenge_method: 'S256' },
    { client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', state: 's'.repeat(5000) },
    { client_id: 'x'.repeat(10000), redirect_uri: web.redirectUri },
    { client_id: "' OR 1=1 --", redirect_uri: web.redirectUri },
  ];
  for (const params of cases) {
    const res = await browse(new CookieJar(), authorizationUrl(srv, params));
    assert.ok([303, 400].includes(res.status), `${JSON.stringify(params).slice(0, 100)} → ${res.status}`);
    if (res.status === 303) assert.ok(new URL(res.location).searchParams.get('error'));
  }
  const raw = await srv.rawRequest({ path: '/oidc/auth?client_id=%ZZ&redirect_uri=%' });
  expect4xx(raw, 'bad escapes');
});

test('a forged or oversized session cookie is simply no session', async () => {
  const { challenge } = pkce();
  const url = authorizationUrl(srv, {
    client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', prompt: 'none',
  });
  for (const cookie of ['gh_session=forged', `gh_session=${'a'.repeat(4000)}`, 'gh_session=', 'gh_session']) {
    const res = await browse(new CookieJar(), url, { headers: { cookie } });
    assert.equal(res.status, 303);
    assert.equal(new URL(res.location).searchParams.get('error'), 'login_required');
  }
});

test('the sign-in form survives junk', async () => {
  for (const body of ['', '%ZZ', 'csrf=' + 'x'.repeat(100000), 'identifier=a&identifier=b', '\u0000\u0001']) {
    const res = await srv.request('POST', '/sign-in', { headers: { ...form, cookie: 'gh_interaction=zzz' }, body });
    expect4xx(res, JSON.stringify(body.slice(0, 40)));
  }
});

test('userinfo, revocation, introspection and sign-out reject junk with 4xx', async () => {
  for (const authorization of [undefined, 'Bearer', 'Bearer x.y.z', `Bearer ${tokens.id_token}`, 'Basic abc',
    `Bearer ${'a'.repeat(20000)}`]) {
    const headers = authorization ? { authorization } : {};
    expect4xx(await srv.request('GET', '/oidc/me', { headers }), `me ${String(authorization).slice(0, 20)}`);
  }
  expect4xx(await srv.request('POST', '/oidc/token/revocation', { headers: form, body: 'token=x' }), 'revocation without client');
  expect4xx(await srv.request('POST', '/oidc/token/revocation', { headers: { ...form, authorization: basic() }, body: '' }), 'revocation without token');
  const intro = await srv.request('POST', '/oidc/token/introspection', {
    headers: { ...form, authorization: basic() }, body: 'token=' + 'a.b.c',
  });
  assert.equal(intro.status, 200);
  assert.equal(intro.json.active, false);
  for (const q of ['id_token_hint=abc', `id_token_hint=${tokens.id_token}&client_id=other`,
    'post_logout_redirect_uri=https://evil.example.com/']) {
    expect4xx(await srv.request('GET', `/oidc/session/end?${q}`), q);
  }
});
