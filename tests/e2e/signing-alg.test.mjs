// GATEHOUSE_SIGNING_ALG (PRODUCT.md §4): the key generated at first start uses the chosen
// algorithm, is published in the JWKS, and signs tokens that jose verifies.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';

import { expectStatus } from './lib/helpers.mjs';
import { startServer } from './lib/server.mjs';

const EXPECTED = {
  ES256: { kty: 'EC', crv: 'P-256' },
  ES384: { kty: 'EC', crv: 'P-384' },
  RS256: { kty: 'RSA' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
};

for (const [alg, shape] of Object.entries(EXPECTED)) {
  test(`GATEHOUSE_SIGNING_ALG=${alg} signs tokens with an ${alg} key published in the JWKS`, async () => {
    const srv = await startServer({ env: { GATEHOUSE_SIGNING_ALG: alg }, label: `signing-alg-${alg}` });
    try {
      const res = await srv.clientCredentials();
      expectStatus(res, 200);
      const token = res.json.access_token;
      const header = decodeProtectedHeader(token);
      assert.equal(header.alg, alg);
      const { keys } = (await srv.request('GET', '/oidc/jwks')).json;
      const key = keys.find((k) => k.kid === header.kid);
      assert.ok(key, `kid ${header.kid} not in the JWKS`);
      assert.equal(key.alg, alg);
      for (const [k, v] of Object.entries(shape)) assert.equal(key[k], v, k);
      const jwks = createRemoteJWKSet(new URL(`${srv.issuer}/jwks`));
      await jwtVerify(token, jwks, { issuer: srv.issuer, audience: srv.managementResource, typ: 'at+jwt', algorithms: [alg] });
      expectStatus(await srv.api('GET', '/organizations', undefined, { token }), 200);
    } finally {
      await srv.stop();
    }
  });
}

test('an unknown GATEHOUSE_SIGNING_ALG stops start-up with an error instead of serving', async () => {
  let srv;
  try {
    srv = await startServer({ env: { GATEHOUSE_SIGNING_ALG: 'HS256' }, label: 'signing-alg-bad' });
  } catch (e) {
    assert.match(e.message, /exited during start-up \(exit code [1-9]\d*\)/);
    return;
  }
  await srv.stop();
  assert.fail('the server started with GATEHOUSE_SIGNING_ALG=HS256');
});
