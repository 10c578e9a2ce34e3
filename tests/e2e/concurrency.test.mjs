// Concurrent writes (PRODUCT.md §6: writes are transactional, never a 500): racing requests
// on the same rows get consistent answers, and keep-alive connections carry many requests.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createOrg, createOrgRole, createUser, expectStatus, ids, list, sorted } from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

test('concurrent creations of one organization-scope name yield exactly one 201 and 422 for the rest', async () => {
  const name = uniq('race');
  const results = await Promise.all(
    Array.from({ length: 20 }, () => srv.api('POST', '/organization-scopes', { name })),
  );
  const statuses = results.map((r) => r.status).sort();
  assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses}`);
  assert.deepEqual([...new Set(statuses.filter((s) => s !== 201))], [422], `statuses: ${statuses}`);
  assert.equal((await list(srv, `/organization-scopes?q=${name}`)).length, 1);
});

test('concurrent POSTs of overlapping members all succeed and store each member once', async () => {
  const org = await createOrg(srv);
  const us = [];
  for (let i = 0; i < 10; i++) us.push((await createUser(srv)).id);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => srv.api('POST', `/organizations/${org.id}/users`, {
      userIds: [us[i % 10], us[(i + 1) % 10], us[(i + 5) % 10]],
    })),
  );
  assert.deepEqual([...new Set(results.map((r) => r.status))], [201], results.map((r) => r.text).join('\n'));
  const members = await list(srv, `/organizations/${org.id}/users?page=1&page_size=100`);
  assert.deepEqual(sorted(ids(members)), sorted(us));
});

test('concurrent role assignments and a concurrent PUT of the members leave a consistent state', async () => {
  const org = await createOrg(srv);
  const role = await createOrgRole(srv);
  const us = [];
  for (let i = 0; i < 6; i++) us.push((await createUser(srv)).id);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/users`, { userIds: us }), 201);
  const keep = us.slice(0, 3);
  const ops = [
    srv.api('PUT', `/organizations/${org.id}/users`, { userIds: keep }),
    ...us.map((u) => srv.api('POST', `/organizations/${org.id}/users/${u}/roles`, { organizationRoleIds: [role.id] })),
  ];
  const results = await Promise.all(ops);
  for (const r of results) assert.ok([201, 204, 422].includes(r.status), `${r.status} ${r.text}`);
  const members = await list(srv, `/organizations/${org.id}/users`);
  assert.deepEqual(sorted(ids(members)), sorted(keep));
  // No role assignment may survive for a user who is no longer a member.
  for (const u of us.slice(3)) {
    expectStatus(await srv.api('POST', `/organizations/${org.id}/users`, { userIds: [u] }), 201);
    assert.deepEqual(await list(srv, `/organizations/${org.id}/users/${u}/roles`), [], `stale roles for ${u}`);
  }
});

test('200 requests in flight at once are all answered correctly', async () => {
  const tag = uniq('burst');
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      i % 2 ? srv.api('POST', '/organizations', { name: `${tag}-${i}` }) : srv.api('GET', '/organizations?page=1&page_size=5'),
    ),
  );
  results.forEach((r, i) => assert.equal(r.status, i % 2 ? 201 : 200, `request ${i}: ${r.status} ${r.text}`));
  const res = await srv.api('GET', `/organizations?q=${tag}&page=1&page_size=1`);
  assert.equal(res.headers.get('total-number'), '100');
});
