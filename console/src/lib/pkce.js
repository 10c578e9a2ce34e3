// PKCE (RFC 7636) and random values for the authorization code flow, with WebCrypto only.

/** Base64url without padding (RFC 7636 §Appendix A) of the bytes. */
export function base64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random base64url string of `byteLength` random bytes (32 bytes → 43 characters). */
export function randomString(byteLength = 32) {
  const bytes = new Uint8Array(byteLength);
  globalThis.crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export async function challengeOf(verifier) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** A fresh verifier (RFC 7636 §4.1: 43–128 unreserved characters) and its S256 challenge. */
export async function createPkce() {
  const verifier = randomString(32);
  return { verifier, challenge: await challengeOf(verifier) };
}

/** The claims of a JWT, read without verification (for display only: name, expiry). */
export function decodeJwtPayload(jwt) {
  const part = String(jwt ?? '').split('.')[1];
  if (!part) return {};
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}
