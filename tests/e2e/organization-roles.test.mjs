// /api/organization-roles and their organization / resource scopes (API.md
// "Organization template").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createOrgRole,
  createOrgScope,
  createResource,
  createResourceScope,
  expectError,
  expectId,
  expectStatus,
  ids,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const MISSING_ID = 'nosuchthing0000000000';

async function listedRole(role) {
  const found = (await list(srv, `/organization-roles?q=${role.id}`)).find((r) => r.id === role.id);
  assert.ok(found, `role ${role.id} not found in the list`);
  return found;
}

test('POST /organization-roles creates a User role with its permissions (201)', async () => {
  const s1 = await createOrgScope(srv);
  const s2 = await createOrgScope(srv);
  const name = uniq('admin');
  const res = await srv.api('POST', '/organization-roles', {
    name,
    description: 'Administrators',
    organizationScopeIds: [s1.id, s2.id],
  });
  expectStatus(res, 201);
  expectId(res.json.id);
  assert.equal(res.json.name, name);
  assert.equal(res.json.description, 'Administrators');
  assert.equal(res.json.type, 'User');
  assert.equal(res.json.tenantId, 'default');
  assert.deepEqual(sorted(ids(await list(srv, `/organization-roles/${res.json.id}/scopes`))), sorted([s1.id, s2.id]));
});

test('POST /organization-roles with type MachineToMachine creates an M2M role', async () => {
  const role = await createOrgRole(srv, { type: 'MachineToMachine' });
  assert.equal(role.type, 'MachineToMachine');
});

test('POST /organization-roles with an unknown type answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/organization-roles', { name: uniq('r'), type: 'Robot' }), 400, 'guard.invalid_input');
});

test('POST /organization-roles with a name in use answers 422 entity.unique_integrity_violation', async () => {
  const role = await createOrgRole(srv);
  expectError(await srv.api('POST', '/organization-roles', { name: role.name }), 422, 'entity.unique_integrity_violation');
});

test('POST /organization-roles with an unknown organization scope id answers 422 and creates nothing', async () => {
  const good = await createOrgScope(srv);
  const name = uniq('atomic');
  const res = await srv.api('POST', '/organization-roles', { name, organizationScopeIds: [good.id, MISSING_ID] });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
  assert.deepEqual(await list(srv, `/organization-roles?q=${name}`), []);
  // The name is still free: nothing half-created holds it.
  expectStatus(await srv.api('POST', '/organization-roles', { name }), 201);
});

test('POST /organization-roles with an unknown resource scope id answers 422 and creates nothing', async () => {
  const r = await createResource(srv);
  const good = await createResourceScope(srv, r.id);
  const orgScope = await createOrgScope(srv);
  const name = uniq('atomic');
  const res = await srv.api('POST', '/organization-roles', {
    name,
    organizationScopeIds: [orgScope.id],
    resourceScopeIds: [good.id, MISSING_ID],
  });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
  assert.deepEqual(await list(srv, `/organization-roles?q=${name}`), []);
  expectStatus(await srv.api('POST', '/organization-roles', { name }), 201);
});

test('GET /organization-roles items carry scopes [{id, name}] and resourceScopes with their resource', async () => {
  const s = await createOrgScope(srv);
  const r = await createResource(srv);
  const rs = await createResourceScope(srv, r.id);
  const role = await createOrgRole(srv, { organizationScopeIds: [s.id], resourceScopeIds: [rs.id] });
  const item = await listedRole(role);
  assert.deepEqual(item.scopes, [{ id: s.id, name: s.name }]);
  assert.equal(item.resourceScopes.length, 1);
  assert.equal(item.resourceScopes[0].id, rs.id);
  assert.equal(item.resourceScopes[0].name, rs.name);
  assert.deepEqual(item.resourceScopes[0].resource, { id: r.id, name: r.name });
});

test('GET /organization-roles is ordered by name', async () => {
  const tag = uniq('ord');
  const made = {};
  for (const l of ['c', 'a', 'e', 'b', 'd']) made[l] = await createOrgRole(srv, { name: `${tag}-${l}` });
  const res = await list(srv, `/organization-roles?q=${tag}`);
  assert.deepEqual(ids(res), ['a', 'b', 'c', 'd', 'e'].map((l) => made[l].id));
});

test('GET /organization-roles q matches id, name and description case-insensitively', async () => {
  const tag = uniq('rq');
  const byName = await createOrgRole(srv, { name: `${tag}-name` });
  const byDesc = await createOrgRole(srv, { description: `Has ${tag.toUpperCase()}` });
  await createOrgRole(srv);
  assert.deepEqual(sorted(ids(await list(srv, `/organization-roles?q=${tag}`))), sorted([byName.id, byDesc.id]));
  assert.deepEqual(ids(await list(srv, `/organization-roles?q=${byDesc.id}`)), [byDesc.id]);
});

test('GET /organization-roles/:id returns the role; an unknown id answers 404 entity.not_exists_with_id', async () => {
  const role = await createOrgRole(srv, { description: 'd' });
  const res = await srv.api('GET', `/organization-roles/${role.id}`);
  expectStatus(res, 200);
  assert.equal(res.json.id, role.id);
  assert.equal(res.json.name, role.name);
  assert.equal(res.json.type, 'User');
  expectError(await srv.api('GET', `/organization-roles/${MISSING_ID}`), 404, 'entity.not_exists_with_id');
});

test('PATCH /organization-roles/:id changes name and description', async () => {
  const role = await createOrgRole(srv);
  const name = uniq('renamed');
  const res = await srv.api('PATCH', `/organization-roles/${role.id}`, { name, description: 'new' });
  expectStatus(res, 200);
  assert.equal(res.json.name, name);
  assert.equal(res.json.description, 'new');
});

test('PATCH /organization-roles/:id to a name in use answers 422 entity.unique_integrity_violation', async () => {
  const a = await createOrgRole(srv);
  const b = await createOrgRole(srv);
  expectError(await srv.api('PATCH', `/organization-roles/${b.id}`, { name: a.name }), 422, 'entity.unique_integrity_violation');
});

test('PATCH /organization-roles/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(await srv.api('PATCH', `/organization-roles/${MISSING_ID}`, { name: uniq('x') }), 404, 'entity.not_exists_with_id');
});

test('DELETE /organization-roles/:id answers 204, then 404 entity.not_found', async () => {
  const role = await createOrgRole(srv);
  expectStatus(await srv.api('DELETE', `/organization-roles/${role.id}`), 204);
  expectError(await srv.api('GET', `/organization-roles/${role.id}`), 404, 'entity.not_exists_with_id');
  expectError(await srv.api('DELETE', `/organization-roles/${role.id}`), 404, 'entity.not_found');
});

// ---------------------------------------------------------------- role ↔ organization scopes

test('POST /organization-roles/:id/scopes adds permissions (201) and is idempotent', async () => {
  const role = await createOrgRole(srv);
  const a = await createOrgScope(srv);
  const b = await createOrgScope(srv);
  expectStatus(await srv.api('POST', `/organization-roles/${role.id}/scopes`, { organizationScopeIds: [a.id] }), 201);
  expectStatus(
    await srv.api('POST', `/organization-roles/${role.id}/scopes`, { organizationScopeIds: [a.id, b.id, b.id] }),
    201,
  );
  assert.deepEqual(sorted(ids(await list(srv, `/organization-roles/${role.id}/scopes`))), sorted([a.id, b.id]));
});

test('POST /organization-roles/:id/scopes with an unknown scope id answers 422 and adds nothing', async () => {
  const role = await createOrgRole(srv);
  const a = await createOrgScope(srv);
  const res = await srv.api('POST', `/organization-roles/${role.id}/scopes`, { organizationScopeIds: [a.id, MISSING_ID] });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
  assert.deepEqual(await list(srv, `/organization-roles/${role.id}/scopes`), []);
});

test('PUT /organization-roles/:id/scopes replaces the permissions (204)', async () => {
  const [a, b, c] = [await createOrgScope(srv), await createOrgScope(srv), await createOrgScope(srv)];
  const role = await createOrgRole(srv, { organizationScopeIds: [a.id, b.id] });
  expectStatus(await srv.api('PUT', `/organization-roles/${role.id}/scopes`, { organizationScopeIds: [b.id, c.id] }), 204);
  assert.deepEqual(sorted(ids(await list(srv, `/organization-roles/${role.id}/scopes`))), sorted([b.id, c.id]));
  expectStatus(await srv.api('PUT', `/organization-roles/${role.id}/scopes`, { organizationScopeIds: [] }), 204);
  assert.deepEqual(await list(srv, `/organization-roles/${role.id}/scopes`), []);
});

test('DELETE /organization-roles/:id/scopes/:scopeId answers 204, then 404 for a scope the role lacks', async () => {
  const [a, b] = [await createOrgScope(srv), await createOrgScope(srv)];
  const role = await createOrgRole(srv, { organizationScopeIds: [a.id, b.id] });
  expectStatus(await srv.api('DELETE', `/organization-roles/${role.id}/scopes/${a.id}`), 204);
  assert.deepEqual(ids(await list(srv, `/organization-roles/${role.id}/scopes`)), [b.id]);
  expectError(await srv.api('DELETE', `/organization-roles/${role.id}/scopes/${a.id}`), 404, 'entity.not_found');
});

// ---------------------------------------------------------------- role ↔ resource scopes

test('POST /organization-roles/:id/resource-scopes adds resource permissions (201) and is idempotent', async () => {
  const r = await createResource(srv);
  const [a, b] = [await createResourceScope(srv, r.id), await createResourceScope(srv, r.id)];
  const role = await createOrgRole(srv);
  expectStatus(await srv.api('POST', `/organization-roles/${role.id}/resource-scopes`, { scopeIds: [a.id] }), 201);
  expectStatus(await srv.api('POST', `/organization-roles/${role.id}/resource-scopes`, { scopeIds: [a.id, b.id] }), 201);
  assert.deepEqual(sorted(ids(await list(srv, `/organization-roles/${role.id}/resource-scopes`))), sorted([a.id, b.id]));
});

test('POST /organization-roles/:id/resource-scopes with an unknown scope id answers 422 and adds nothing', async () => {
  const r = await createResource(srv);
  const a = await createResourceScope(srv, r.id);
  const role = await createOrgRole(srv);
  const res = await srv.api('POST', `/organization-roles/${role.id}/resource-scopes`, { scopeIds: [a.id, MISSING_ID] });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
  assert.deepEqual(await list(srv, `/organization-roles/${role.id}/resource-scopes`), []);
});

test('PUT /organization-roles/:id/resource-scopes replaces the resource permissions (204)', async () => {
  const r = await createResource(srv);
  const [a, b, c] = [
    await createResourceScope(srv, r.id), await createResourceScope(srv, r.id), await createResourceScope(srv, r.id),
  ];
  const role = await createOrgRole(srv, { resourceScopeIds: [a.id, b.id] });
  expectStatus(await srv.api('PUT', `/organization-roles/${role.id}/resource-scopes`, { scopeIds: [c.id] }), 204);
  assert.deepEqual(ids(await list(srv, `/organization-roles/${role.id}/resource-scopes`)), [c.id]);
});

test('DELETE /organization-roles/:id/resource-scopes/:scopeId answers 204, then 404', async () => {
  const r = await createResource(srv);
  const a = await createResourceScope(srv, r.id);
  const role = await createOrgRole(srv, { resourceScopeIds: [a.id] });
  expectStatus(await srv.api('DELETE', `/organization-roles/${role.id}/resource-scopes/${a.id}`), 204);
  assert.deepEqual(await list(srv, `/organization-roles/${role.id}/resource-scopes`), []);
  expectError(await srv.api('DELETE', `/organization-roles/${role.id}/resource-scopes/${a.id}`), 404, 'entity.not_found');
});

test('deleting a resource removes its scopes from organization roles', async () => {
  const r = await createResource(srv);
  const a = await createResourceScope(srv, r.id);
  const role = await createOrgRole(srv, { resourceScopeIds: [a.id] });
  expectStatus(await srv.api('DELETE', `/resources/${r.id}`), 204);
  assert.deepEqual(await list(srv, `/organization-roles/${role.id}/resource-scopes`), []);
  assert.deepEqual((await listedRole(role)).resourceScopes, []);
});
