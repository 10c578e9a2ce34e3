// Helpers of the OIDC e2e tests: a cookie jar, driving the hosted sign-in page over plain HTTP
// (GET /oidc/auth → 303 /sign-in → form → 303 to the client), PKCE values, and fixtures for
// users with passwords and OIDC applications.

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';

import { expectStatus } from './helpers.mjs';
import { uniq } from './server.mjs';

/** A minimal cookie jar: name → value, fed from Set-Cookie headers. */
export class CookieJar {
  constructor() {
    this.cookies = new Map();
  }

  store(headers) {
    for (const line of headers.getSetCookie?.() ?? []) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attrs.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith('max-age='));
      if (value === '' || maxAge === 'max-age=0') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** fetch() without following redirects, sending and storing the jar's cookies. */
export async function browse(jar, url, { method = 'GET', form, headers = {} } = {}) {
  const init = { method, redirect: 'manual', headers: { ...headers } };
  if (jar.cookies.size) init.headers.cookie = jar.header();
  if (form) {
    init.body = new URLSearchParams(form).toString();
    init.headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(url, init);
  jar.store(res.headers);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** The hidden CSRF field of the sign-in page. */
export function csrfOf(html) {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, `sign-in page has no csrf field:\n${html.slice(0, 500)}`);
  return m[1];
}

/**
 * Follows an authorization URL through the hosted sign-in page with `username`/`password`.
 * Returns the final 303 response to the client: {status, location: URL, jar}.
 */
export async function signInThrough(srv, authUrl, { username, password, jar = new CookieJar() }) {
  const auth = await browse(jar, authUrl);
  assert.equal(auth.status, 303, `GET /oidc/auth: expected 303, got ${auth.status} ${auth.text.slice(0, 300)}`);
  const signInUrl = new URL(auth.location, srv.endpoint);
  if (signInUrl.pathname !== '/sign-in') return { ...auth, location: new URL(auth.location), jar };
  const page = await browse(jar, signInUrl);
  assert.equal(page.status, 200, `GET /sign-in: ${page.status} ${page.text.slice(0, 300)}`);
  const post = await browse(jar, new URL('/sign-in', srv.endpoint), {
    method: 'POST',
    form: { csrf: csrfOf(page.text), identifier: username, password },
  });
  assert.equal(post.status, 303, `POST /sign-in: expected 303, got ${post.status} ${post.text.slice(0, 300)}`);
  return { ...post, location: new URL(post.location), jar };
}

/** An authorization URL of the server for the given parameters. */
export function authorizationUrl(srv, params) {
  const url = new URL('/oidc/auth', srv.endpoint);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
    else url.searchParams.set(k, v);
  }
  return url;
}

/** A user with a password: {user, username, password}. */
export async function createUserWithPassword(srv, extra = {}) {
  const username = uniq('u').replace(/-/g, '_');
  const password = 'Pw-' + randomBytes(9).toString('base64url');
  const res = await srv.api('POST', '/users', { username, password, ...extra });
  expectStatus(res, 200);
  return { user: res.json, username, password };
}

/** An OIDC application: {app, secret?, redirectUri, postLogoutRedirectUri}. */
export async function createOidcApp(srv, type = 'Traditional') {
  const redirectUri = `https://${uniq('app')}.example.com/callback`;
  const postLogoutRedirectUri = redirectUri.replace('/callback', '/signed-out');
  const res = await srv.api('POST', '/applications', {
    name: uniq('app'),
    type,
    oidcClientMetadata: { redirectUris: [redirectUri], postLogoutRedirectUris: [postLogoutRedirectUri] },
  });
  expectStatus(res, 200);
  let secret;
  if (type === 'Traditional' || type === 'MachineToMachine') {
    const s = await srv.api('POST', `/applications/${res.json.id}/secrets`, { name: 'main' });
    expectStatus(s, 201);
    secret = s.json.value;
  }
  return { app: res.json, secret, redirectUri, postLogoutRedirectUri };
}

/** POST /oidc/token with a form body and optional Basic credentials. */
export async function tokenRequest(srv, form, { clientId, clientSecret } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (clientSecret !== undefined) {
    headers.authorization = 'Basic ' + Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  } else if (clientId !== undefined) {
    form = { client_id: clientId, ...form };
  }
  return srv.request('POST', '/oidc/token', { headers, body: new URLSearchParams(form).toString() });
}

/**
 * Signs `username` in to a Traditional app by authorization code + PKCE and exchanges the code.
 * Returns the token response JSON.
 */
export async function userTokens(srv, { app, secret, redirectUri }, { username, password }, scope, extra = {}) {
  const { verifier, challenge } = pkce();
  const url = authorizationUrl(srv, {
    client_id: app.id,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st',
    ...extra,
  });
  const done = await signInThrough(srv, url, { username, password });
  const code = done.location.searchParams.get('code');
  assert.ok(code, `no code in ${done.location}`);
  const res = await tokenRequest(
    srv,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
    { clientId: app.id, clientSecret: secret },
  );
  expectStatus(res, 200);
  return res.json;
}
