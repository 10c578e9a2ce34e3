// Two nodes on one PostgreSQL database (PRODUCT.md §4, issue 5): a change made through node A is
// honoured by tokens from node B within one second, and the nodes share their signing keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fleetAvailable, skipReason, startFleet, within } from './lib/fleet.mjs';
import { createAppWithSecret, createOrg, createOrgRole, createOrgScope, expectStatus, jwtPayload } from './lib/helpers.mjs';

// Top-level await (as useServer): the fleet's stop is registered at file level.
const [a, b] = fleetAvailable ? await startFleet(2, { label: 'fleet-consistency' }) : [];

/** client_credentials + organization_id on `node` for the M2M app. */
function orgToken(node, { app, secret }, orgId) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', organization_id: orgId });
  const basic = 'Basic ' + Buffer.from(`${encodeURIComponent(app.id)}:${encodeURIComponent(secret)}`).toString('base64');
  return node.request('POST', '/oidc/token', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
    body: form.toString(),
  });
}
const scopesOf = (res) => (res.status === 200 ? jwtPayload(res.json.access_token).scope.split(' ').filter(Boolean).sort() : null);

test('a Management API token issued by node A is accepted by node B (shared signing keys)', { skip: !fleetAvailable && skipReason }, async () => {
  const token = await a.managementToken();
  expectStatus(await b.api('GET', '/organizations', undefined, { token }), 200);
  const jwksA = (await a.request('GET', '/oidc/jwks')).json;
  const jwksB = (await b.request('GET', '/oidc/jwks')).json;
  assert.deepEqual(jwksA, jwksB);
});

test('an organization created on node A is read on node B at once', { skip: !fleetAvailable && skipReason }, async () => {
  const org = await createOrg(a);
  const res = await b.api('GET', `/organizations/${org.id}`);
  expectStatus(res, 200);
  assert.equal(res.json.name, org.name);
});

test('template and membership changes made on node A reach node B tokens within one second', { skip: !fleetAvailable && skipReason }, async () => {
  const read = await createOrgScope(a, { name: `read-${Date.now()}` });
  const write = await createOrgScope(a, { name: `write-${Date.now()}` });
  const role = await createOrgRole(a, { type: 'MachineToMachine', organizationScopeIds: [read.id] });
  const org = await createOrg(a);
  const client = await createAppWithSecret(a);
  expectStatus(await a.api('POST', `/organizations/${org.id}/applications`, { applicationIds: [client.app.id] }), 201);
  expectStatus(
    await a.api('POST', `/organizations/${org.id}/applications/${client.app.id}/roles`, { organizationRoleIds: [role.id] }),
    201,
  );
  const first = await orgToken(b, client, org.id);
  assert.deepEqual(scopesOf(first), [read.name], `node B answered ${first.status} ${first.text}`);

  // A template change on A: node B's next tokens carry the new permission.
  expectStatus(await a.api('POST', `/organization-roles/${role.id}/scopes`, { organizationScopeIds: [write.id] }), 201);
  const templateMs = await within(1000, 'the template change on B', async () => {
    const s = scopesOf(await orgToken(b, client, org.id));
    return s && s.includes(write.name);
  });

  // A membership change on A: node B refuses the application at once.
  expectStatus(await a.api('DELETE', `/organizations/${org.id}/applications/${client.app.id}`), 204);
  const membershipMs = await within(1000, 'the membership removal on B', async () => {
    const res = await orgToken(b, client, org.id);
    return res.status === 403 && res.json?.error === 'access_denied';
  });
  console.log(`fleet: template change visible on B after ${templateMs} ms, membership removal after ${membershipMs} ms`);
});
