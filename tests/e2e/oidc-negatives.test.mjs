// OAuth negatives (RFC 9700) and login protection against the real binary: code reuse, PKCE
// downgrade and wrong verifier, unregistered redirect URIs, prompt=none without a session, no
// CORS and anti-framing on the interactive pages, rotated refresh token reuse, CSRF, uniform
// failures for unknown users, and throttling.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { expectStatus } from './lib/helpers.mjs';
import {
  CookieJar,
  authorizationUrl,
  browse,
  createOidcApp,
  createUserWithPassword,
  csrfOf,
  pkce,
  signInThrough,
  tokenRequest,
} from './lib/oidc.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();

let web, spa, alice;

function expectOAuthError(res, status, error) {
  assert.equal(res.status, status, `expected ${status} ${error}, got ${res.status} ${res.text}`);
  assert.equal(res.json.error, error);
  assert.equal(res.json.code, `oidc.${error}`);
  assert.equal(res.json.message, res.json.error_description);
}

async function codeFor(app, { challenge, scope = 'openid offline_access', extra = {} } = {}) {
  const url = authorizationUrl(srv, {
    client_id: app.app.id,
    redirect_uri: app.redirectUri,
    response_type: 'code',
    scope,
    state: 'xyz',
    code_challenge: challenge,
    code_challenge_method: challenge ? 'S256' : undefined,
    ...extra,
  });
  const done = await signInThrough(srv, url, alice);
  const code = done.location.searchParams.get('code');
  assert.ok(code, `no code: ${done.location}`);
  return code;
}

function exchange(app, code, extra = {}) {
  return tokenRequest(
    srv,
    { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, ...extra },
    { clientId: app.app.id, clientSecret: app.secret },
  );
}

function refresh(app, refreshToken) {
  return tokenRequest(srv, { grant_type: 'refresh_token', refresh_token: refreshToken },
    { clientId: app.app.id, clientSecret: app.secret });
}

/** Starts an authorization and returns the jar and the sign-in page. */
async function openSignIn(app) {
  const jar = new CookieJar();
  const { verifier, challenge } = pkce();
  const auth = await browse(jar, authorizationUrl(srv, {
    client_id: app.app.id, redirect_uri: app.redirectUri, response_type: 'code', scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256',
  }));
  assert.equal(auth.status, 303);
  const page = await browse(jar, new URL('/sign-in', srv.endpoint));
  return { jar, page, verifier };
}

function postSignIn(jar, form, headers = {}) {
  return browse(jar, new URL('/sign-in', srv.endpoint), { method: 'POST', form, headers });
}

before(async () => {
  web = await createOidcApp(srv, 'Traditional');
  spa = await createOidcApp(srv, 'SPA');
  alice = await createUserWithPassword(srv);
});

describe('authorization codes', () => {
  test('a code used twice is refused and the refresh token it issued is revoked', async () => {
    const code = await codeFor(web);
    const first = await exchange(web, code);
    expectStatus(first, 200);
    expectOAuthError(await exchange(web, code), 400, 'invalid_grant');
    expectOAuthError(await refresh(web, first.json.refresh_token), 400, 'invalid_grant');
  });

  test('a code_verifier without a code_challenge is refused (PKCE downgrade)', async () => {
    const code = await codeFor(web);
    expectOAuthError(await exchange(web, code, { code_verifier: pkce().verifier }), 400, 'invalid_grant');
  });

  test('a wrong or missing code_verifier is refused', async () => {
    const { challenge } = pkce();
    const code = await codeFor(spa, { challenge });
    expectOAuthError(await exchange(spa, code, { code_verifier: pkce().verifier }), 400, 'invalid_grant');
    const code2 = await codeFor(spa, { challenge });
    expectOAuthError(await exchange(spa, code2), 400, 'invalid_grant');
  });

  test('a redirect_uri differing from the authorization request is refused', async () => {
    const code = await codeFor(web);
    const res = await tokenRequest(
      srv, { grant_type: 'authorization_code', code, redirect_uri: web.redirectUri + '/x' },
      { clientId: web.app.id, clientSecret: web.secret });
    expectOAuthError(res, 400, 'invalid_grant');
  });

  test('another client cannot redeem the code', async () => {
    const other = await createOidcApp(srv, 'Traditional');
    const code = await codeFor(web);
    const res = await tokenRequest(
      srv, { grant_type: 'authorization_code', code, redirect_uri: web.redirectUri },
      { clientId: other.app.id, clientSecret: other.secret });
    expectOAuthError(res, 400, 'invalid_grant');
  });
});

describe('authorization endpoint', () => {
  test('an unregistered redirect_uri gets an error page, never a redirect', async () => {
    for (const redirect of [web.redirectUri + 'x', 'https://evil.example.com/cb', web.redirectUri.toUpperCase()]) {
      const res = await browse(new CookieJar(), authorizationUrl(srv, {
        client_id: web.app.id, redirect_uri: redirect, response_type: 'code', scope: 'openid',
      }));
      assert.equal(res.status, 400);
      assert.equal(res.location, null);
      assert.match(res.headers.get('content-type'), /text\/html/);
    }
  });

  test('an unknown client gets an error page, never a redirect', async () => {
    const res = await browse(new CookieJar(), authorizationUrl(srv, {
      client_id: 'nope', redirect_uri: web.redirectUri, response_type: 'code',
    }));
    assert.equal(res.status, 400);
    assert.equal(res.location, null);
  });

  test('an SPA without PKCE is answered invalid_request at its redirect URI', async () => {
    const res = await browse(new CookieJar(), authorizationUrl(srv, {
      client_id: spa.app.id, redirect_uri: spa.redirectUri, response_type: 'code', scope: 'openid', state: 's1',
    }));
    assert.equal(res.status, 303);
    const loc = new URL(res.location);
    assert.equal(loc.searchParams.get('error'), 'invalid_request');
    assert.equal(loc.searchParams.get('state'), 's1');
    assert.equal(loc.searchParams.get('iss'), srv.issuer);
  });

  test('PKCE plain is refused', async () => {
    const res = await browse(new CookieJar(), authorizationUrl(srv, {
      client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code',
      code_challenge: 'a'.repeat(43), code_challenge_method: 'plain',
    }));
    assert.equal(new URL(res.location).searchParams.get('error'), 'invalid_request');
  });

  test('response_type other than code is unsupported_response_type', async () => {
    const res = await browse(new CookieJar(), authorizationUrl(srv, {
      client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'token',
    }));
    assert.equal(new URL(res.location).searchParams.get('error'), 'unsupported_response_type');
  });

  test('prompt=none without a session is login_required at the redirect URI', async () => {
    const res = await browse(new CookieJar(), authorizationUrl(srv, {
      client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code', scope: 'openid',
      prompt: 'none', state: 'abc',
    }));
    assert.equal(res.status, 303);
    const loc = new URL(res.location);
    assert.equal(`${loc.origin}${loc.pathname}`, web.redirectUri);
    assert.equal(loc.searchParams.get('error'), 'login_required');
    assert.equal(loc.searchParams.get('state'), 'abc');
    assert.equal(loc.searchParams.get('iss'), srv.issuer);
  });

  test('an unknown resource indicator is invalid_target', async () => {
    const res = await browse(new CookieJar(), authorizationUrl(srv, {
      client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code',
      resource: 'https://unknown.example.com/api',
    }));
    assert.equal(new URL(res.location).searchParams.get('error'), 'invalid_target');
  });

  test('/oidc/auth and /sign-in send no CORS headers; /oidc/token does', async () => {
    const headers = { origin: 'https://evil.example.com' };
    const auth = await browse(new CookieJar(), authorizationUrl(srv, {
      client_id: web.app.id, redirect_uri: web.redirectUri, response_type: 'code',
    }), { headers });
    assert.equal(auth.headers.get('access-control-allow-origin'), null);
    const page = await browse(new CookieJar(), new URL('/sign-in', srv.endpoint), { headers });
    assert.equal(page.headers.get('access-control-allow-origin'), null);
    const pre = await srv.request('OPTIONS', '/oidc/auth', { headers: { ...headers, 'access-control-request-method': 'GET' } });
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const token = await srv.request('POST', '/oidc/token', { headers, body: 'grant_type=x' });
    assert.equal(token.headers.get('access-control-allow-origin'), '*');
  });

  test('the sign-in page refuses framing and referrers', async () => {
    const { page } = await openSignIn(web);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.match(page.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.match(page.text, /<input[^>]*name="identifier"/);
    assert.match(page.text, /<input[^>]*name="password"[^>]*type="password"|<input[^>]*type="password"[^>]*name="password"/);
    assert.match(page.text, /<button type="submit"/);
    assert.doesNotMatch(page.text, /<script/);
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const { jar, page } = await openSignIn(web);
    const res = await fetch(new URL('/sign-in', srv.endpoint), {
      method: 'POST', redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrfOf(page.text), identifier: alice.username, password: alice.password }),
    });
    assert.equal(res.status, 303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('gh_session='));
    assert.ok(session, 'no session cookie');
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
  });
});

describe('refresh tokens', () => {
  test('reusing a rotated refresh token revokes the whole family', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(spa, { challenge });
    const first = await exchange(spa, code, { code_verifier: verifier });
    expectStatus(first, 200);
    const second = await refresh(spa, first.json.refresh_token);
    expectStatus(second, 200);
    assert.notEqual(second.json.refresh_token, first.json.refresh_token);
    expectOAuthError(await refresh(spa, first.json.refresh_token), 400, 'invalid_grant');
    expectOAuthError(await refresh(spa, second.json.refresh_token), 400, 'invalid_grant');
  });

  test('concurrent uses of one public refresh token let at most one through and end the family', async () => {
    const { verifier, challenge } = pkce();
    const first = await exchange(spa, await codeFor(spa, { challenge }), { code_verifier: verifier });
    expectStatus(first, 200);
    const results = await Promise.all(Array.from({ length: 6 }, () => refresh(spa, first.json.refresh_token)));
    const ok = results.filter((r) => r.status === 200);
    assert.ok(ok.length <= 1, `${ok.length} concurrent refreshes succeeded`);
    for (const r of results) if (r.status !== 200) expectOAuthError(r, 400, 'invalid_grant');
    for (const r of ok) expectOAuthError(await refresh(spa, r.json.refresh_token), 400, 'invalid_grant');
  });

  test('a refresh token of another client is invalid_grant', async () => {
    const first = await exchange(web, await codeFor(web));
    const other = await createOidcApp(srv, 'Traditional');
    expectOAuthError(await refresh(other, first.json.refresh_token), 400, 'invalid_grant');
  });
});

describe('sign-in protection', () => {
  test('a wrong CSRF field or a missing interaction cookie is refused', async () => {
    const { jar } = await openSignIn(web);
    const bad = await postSignIn(jar, { csrf: 'forged', identifier: alice.username, password: alice.password });
    assert.equal(bad.status, 403);
    const none = await postSignIn(new CookieJar(), { csrf: 'x', identifier: alice.username, password: alice.password });
    assert.equal(none.status, 400);
  });

  test('a cross-site Origin is refused', async () => {
    const { jar, page } = await openSignIn(web);
    const res = await postSignIn(jar, { csrf: csrfOf(page.text), identifier: alice.username, password: alice.password },
      { origin: 'https://evil.example.com' });
    assert.equal(res.status, 403);
  });

  test('an unknown user and a wrong password get the same answer in comparable time', async () => {
    const bob = await createUserWithPassword(srv);
    const { jar, page } = await openSignIn(web);
    const csrf = csrfOf(page.text);
    const time = async (identifier, password) => {
      const t0 = performance.now();
      const res = await postSignIn(jar, { csrf, identifier, password });
      return { res, ms: performance.now() - t0 };
    };
    const wrong = await time(bob.username, 'not-the-password');
    const unknown = await time('nobody_' + bob.username, 'not-the-password');
    assert.equal(wrong.res.status, 401);
    assert.equal(unknown.res.status, 401);
    const message = (t) => /role="alert">([^<]*)</.exec(t)[1];
    assert.equal(message(wrong.res.text), message(unknown.res.text));
    // Both ran one Argon2id verification: an unknown user is not answered much faster.
    assert.ok(unknown.ms > wrong.ms * 0.3, `unknown user ${unknown.ms} ms vs wrong password ${wrong.ms} ms`);
  });

  test('repeated failures for one account are throttled with Retry-After, even with the right password', async () => {
    const carol = await createUserWithPassword(srv);
    const { jar, page } = await openSignIn(web);
    const csrf = csrfOf(page.text);
    let last;
    for (let i = 0; i < 6; i++) last = await postSignIn(jar, { csrf, identifier: carol.username, password: 'wrong' });
    assert.equal(last.status, 429);
    assert.ok(Number(last.headers.get('retry-after')) >= 1);
    const right = await postSignIn(jar, { csrf, identifier: carol.username, password: carol.password });
    assert.equal(right.status, 429);
  });
});
