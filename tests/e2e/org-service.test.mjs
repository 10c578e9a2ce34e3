// The example service of examples/org-service (it uses only the gatehouse_verify C++ library)
// against a running Gatehouse: the seed scenario's users sign in through the hosted sign-in
// page, get organization tokens, and the service — fetching /oidc/jwks from this server — lets
// Alice remove a member of A and refuses Bob (403) and tokens for another organization.
//
// Needs the service binary: ORG_SERVICE_BIN, default <repo>/build/org-service
// (built by `make build`).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { addMemberRoles, addMembers, createOrg, expectStatus } from './lib/helpers.mjs';
import { createOidcApp, createUserWithPassword, tokenRequest, userTokens } from './lib/oidc.mjs';
import { useServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const serviceBin = process.env.ORG_SERVICE_BIN ?? path.join(root, 'build/org-service');
const srv = await useServer();

async function orgToken(app, refreshToken, orgId) {
  const res = await tokenRequest(
    srv,
    { grant_type: 'refresh_token', refresh_token: refreshToken, organization_id: orgId },
    { clientId: app.app.id, clientSecret: app.secret },
  );
  expectStatus(res, 200);
  return res.json.access_token;
}

test('org-service built on gatehouse_verify enforces remove:member per organization with Gatehouse tokens', async () => {
  assert.ok(fs.existsSync(serviceBin), `${serviceBin} is not built (make build)`);
  const scopeIds = {};
  for (const name of ['remove:member', 'read:resource', 'invite:member']) {
    const res = await srv.api('POST', '/organization-scopes', { name });
    expectStatus(res, 201);
    scopeIds[name] = res.json.id;
  }
  const role = async (name, perms) => {
    const res = await srv.api('POST', '/organization-roles', {
      name,
      organizationScopeIds: perms.map((p) => scopeIds[p]),
    });
    expectStatus(res, 201);
    return res.json.id;
  };
  const admin = await role('admin', ['remove:member', 'read:resource']);
  const member = await role('member', ['read:resource', 'invite:member']);
  const orgA = await createOrg(srv, { name: 'Organization A' });
  const orgB = await createOrg(srv, { name: 'Organization B' });
  const alice = await createUserWithPassword(srv, { name: 'Alice' });
  const bob = await createUserWithPassword(srv, { name: 'Bob' });
  await addMembers(srv, orgA.id, [alice.user.id, bob.user.id]);
  await addMembers(srv, orgB.id, [alice.user.id]);
  await addMemberRoles(srv, orgA.id, alice.user.id, [admin]);
  await addMemberRoles(srv, orgA.id, bob.user.id, [member]);
  await addMemberRoles(srv, orgB.id, alice.user.id, [member]);

  const app = await createOidcApp(srv, 'Traditional');
  const scope = 'openid offline_access urn:logto:scope:organizations remove:member read:resource invite:member';
  const aliceTokens = await userTokens(srv, app, alice, scope);
  const bobTokens = await userTokens(srv, app, bob, scope);

  const env = {
    ...process.env,
    ORG_SERVICE_BIN: serviceBin,
    GATEHOUSE_URL: srv.endpoint,
    ORG_A: orgA.id,
    ORG_B: orgB.id,
    ALICE_TOKEN_A: await orgToken(app, aliceTokens.refresh_token, orgA.id),
    BOB_TOKEN_A: await orgToken(app, bobTokens.refresh_token, orgA.id),
  };
  // Rotation: the refresh token used above was replaced; use the newest for Alice's second org.
  const aliceAgain = await userTokens(srv, app, alice, scope);
  env.ALICE_TOKEN_B = await orgToken(app, aliceAgain.refresh_token, orgB.id);

  const run = spawnSync('bash', [path.join(root, 'examples/org-service/e2e_test.sh')], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `e2e_test.sh failed:\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /passed, 0 failed/);
});
