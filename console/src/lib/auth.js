// Signing in to the Console through Gatehouse's own OIDC: authorization code + PKCE (S256) as
// the built-in public SPA client, an access token for the Management API resource, renewed
// with the refresh token. Tokens live in sessionStorage (this tab only).

import { createPkce, decodeJwtPayload, randomString } from './pkce.js';

const SIGN_IN_KEY = 'gatehouse.console.signIn';
const TOKENS_KEY = 'gatehouse.console.tokens';
const SCOPE = 'openid profile offline_access all';

/** Thrown when the server refuses the sign-in (message already in words for the page). */
export class SignInError extends Error {}

let discoveryCache = null;

/** The OIDC discovery document of the issuer (fetched once). */
export async function discover(config) {
  if (!discoveryCache) {
    const res = await fetch(`${config.issuer}/.well-known/openid-configuration`);
    if (!res.ok) throw new SignInError(`The identity server's discovery document answered ${res.status}.`);
    discoveryCache = await res.json();
  }
  return discoveryCache;
}

function redirectUri(config) {
  return `${config.endpoint}/console/callback`;
}

/** Sends the browser to the authorization endpoint; `returnTo` is the Console path to open after. */
export async function startSignIn(config, returnTo = '/console/') {
  const meta = await discover(config);
  const { verifier, challenge } = await createPkce();
  const state = randomString(16);
  sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(meta.authorization_endpoint);
  const params = {
    client_id: config.clientId,
    redirect_uri: redirectUri(config),
    response_type: 'code',
    scope: SCOPE,
    resource: config.apiResource,
    state,
    nonce: randomString(16),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    prompt: 'login',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  window.location.assign(url.toString());
}

async function tokenRequest(config, form) {
  const meta = await discover(config);
  const res = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || typeof body.access_token !== 'string') {
    const why = body.error_description || body.message || body.error || `HTTP ${res.status}`;
    throw new SignInError(`The identity server refused the sign-in: ${why}`);
  }
  return body;
}

function store(tokens, previous = {}) {
  const idToken = tokens.id_token ?? previous.idToken;
  const saved = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous.refreshToken,
    idToken,
    expiresAt: Date.now() + (Number(tokens.expires_in) || 3600) * 1000,
    user: idToken ? decodeJwtPayload(idToken) : previous.user ?? {},
  };
  sessionStorage.setItem(TOKENS_KEY, JSON.stringify(saved));
  return saved;
}

/**
 * Finishes the flow on /console/callback: checks `state` (RFC 6749 §10.12), exchanges the code
 * with the PKCE verifier and returns the path to go back to.
 */
export async function completeSignIn(config, search) {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) ?? 'null');
  sessionStorage.removeItem(SIGN_IN_KEY);
  if (params.get('error')) {
    throw new SignInError(`Sign-in failed: ${params.get('error_description') || params.get('error')}`);
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new SignInError('This sign-in response does not match a sign-in started here. Please sign in again.');
  }
  const tokens = await tokenRequest(config, {
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: redirectUri(config),
    client_id: config.clientId,
    code_verifier: pending.verifier,
    resource: config.apiResource,
  });
  store(tokens);
  return pending.returnTo || '/console/';
}

/** The saved session, or null when signed out. */
export function currentSession() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS_KEY) ?? 'null');
  } catch {
    return null;
  }
}

let refreshing = null;

/** A Management API access token valid for at least 30 s more, renewed when needed; null if none. */
export async function accessToken(config, { force = false } = {}) {
  const session = currentSession();
  if (!session) return null;
  if (!force && session.expiresAt - Date.now() > 30_000) return session.accessToken;
  if (!session.refreshToken) return null;
  // One refresh at a time: refresh tokens rotate, so a second parallel use would revoke the family.
  refreshing ??= tokenRequest(config, {
    grant_type: 'refresh_token',
    refresh_token: session.refreshToken,
    client_id: config.clientId,
    resource: config.apiResource,
  })
    .then((tokens) => store(tokens, session).accessToken)
    .catch(() => {
      sessionStorage.removeItem(TOKENS_KEY);
      return null;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Forgets the tokens and ends the server session, coming back to /console. */
export async function signOut(config) {
  const session = currentSession();
  sessionStorage.removeItem(TOKENS_KEY);
  let target = `${config.endpoint}/console`;
  try {
    const meta = await discover(config);
    if (meta.end_session_endpoint) {
      const url = new URL(meta.end_session_endpoint);
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('post_logout_redirect_uri', `${config.endpoint}/console`);
      if (session?.idToken) url.searchParams.set('id_token_hint', session.idToken);
      target = url.toString();
    }
  } catch {
    // Discovery unreachable: the local tokens are gone, which is what matters here.
  }
  window.location.assign(target);
}
