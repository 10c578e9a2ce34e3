import assert from 'node:assert/strict';
import { test } from 'node:test';

import { base64url, challengeOf, createPkce, decodeJwtPayload, randomString } from './pkce.js';

test('challengeOf matches the RFC 7636 Appendix B example', async () => {
  assert.equal(
    await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
    'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  );
});

test('base64url has no padding and uses the URL alphabet', () => {
  assert.equal(base64url(new Uint8Array([0xfb, 0xff])), '-_8');
});

test('createPkce gives a 43-character verifier whose challenge is its S256 hash', async () => {
  const { verifier, challenge } = await createPkce();
  assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(challenge, await challengeOf(verifier));
  assert.notEqual(randomString(), randomString());
});

test('decodeJwtPayload reads UTF-8 claims and tolerates garbage', () => {
  const payload = base64url(new TextEncoder().encode(JSON.stringify({ name: 'Zoë', exp: 5 })));
  assert.deepEqual(decodeJwtPayload(`h.${payload}.s`), { name: 'Zoë', exp: 5 });
  assert.deepEqual(decodeJwtPayload('nonsense'), {});
  assert.deepEqual(decodeJwtPayload('a.!!!.b'), {});
});
