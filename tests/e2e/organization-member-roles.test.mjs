// Member roles and member scopes: /api/organizations/:id/users/:userId/roles and /scopes
// (API.md "Organizations"), including the seed scenario of PRODUCT.md §2 as far as the
// Management API shows it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  addMemberRoles,
  addMembers,
  createOrg,
  createOrgRole,
  createOrgScope,
  createUser,
  expectError,
  expectStatus,
  ids,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const rolesPath = (org, user) => `/organizations/${org.id}/users/${user.id}/roles`;
const roleIdsOf = async (org, user) => sorted(ids(await list(srv, rolesPath(org, user))));
const scopeNamesOf = async (org, user) =>
  sorted((await list(srv, `/organizations/${org.id}/users/${user.id}/scopes`)).map((s) => s.name));

async function memberOfNewOrg() {
  const org = await createOrg(srv);
  const user = await createUser(srv);
  await addMembers(srv, org.id, [user.id]);
  return { org, user };
}

test('POST .../users/:userId/roles by id assigns roles and answers 201 {organizationRoleIds}', async () => {
  const { org, user } = await memberOfNewOrg();
  const r1 = await createOrgRole(srv);
  const r2 = await createOrgRole(srv);
  const res = await srv.api('POST', rolesPath(org, user), { organizationRoleIds: [r1.id, r2.id] });
  expectStatus(res, 201);
  assert.deepEqual(sorted(res.json.organizationRoleIds), sorted([r1.id, r2.id]));
  assert.deepEqual(await roleIdsOf(org, user), sorted([r1.id, r2.id]));
});

test('POST .../users/:userId/roles by name assigns the named roles and reports their ids', async () => {
  const { org, user } = await memberOfNewOrg();
  const admin = await createOrgRole(srv);
  const viewer = await createOrgRole(srv);
  const res = await srv.api('POST', rolesPath(org, user), { organizationRoleNames: [admin.name, viewer.name] });
  expectStatus(res, 201);
  assert.deepEqual(sorted(res.json.organizationRoleIds), sorted([admin.id, viewer.id]));
  assert.deepEqual(await roleIdsOf(org, user), sorted([admin.id, viewer.id]));
});

test('POST .../users/:userId/roles accepts ids and names together', async () => {
  const { org, user } = await memberOfNewOrg();
  const byId = await createOrgRole(srv);
  const byName = await createOrgRole(srv);
  const res = await srv.api('POST', rolesPath(org, user), {
    organizationRoleIds: [byId.id],
    organizationRoleNames: [byName.name],
  });
  expectStatus(res, 201);
  assert.deepEqual(await roleIdsOf(org, user), sorted([byId.id, byName.id]));
});

test('POST .../users/:userId/roles is idempotent for roles already held', async () => {
  const { org, user } = await memberOfNewOrg();
  const r = await createOrgRole(srv);
  await addMemberRoles(srv, org.id, user.id, [r.id]);
  await addMemberRoles(srv, org.id, user.id, [r.id]);
  assert.deepEqual(await roleIdsOf(org, user), [r.id]);
});

test('POST .../users/:userId/roles with an unknown role name answers 422 organization.role_names_not_found and assigns nothing', async () => {
  const { org, user } = await memberOfNewOrg();
  const real = await createOrgRole(srv);
  const res = await srv.api('POST', rolesPath(org, user), { organizationRoleNames: [real.name, uniq('ghost')] });
  expectError(res, 422, 'organization.role_names_not_found');
  assert.deepEqual(await roleIdsOf(org, user), []);
});

test('POST .../users/:userId/roles with an unknown role id answers 422 entity.relation_foreign_key_not_found', async () => {
  const { org, user } = await memberOfNewOrg();
  const res = await srv.api('POST', rolesPath(org, user), { organizationRoleIds: ['nosuchrole0000000000x'] });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
});

test('a user cannot be given a MachineToMachine organization role (422 entity.db_constraint_violated)', async () => {
  const { org, user } = await memberOfNewOrg();
  const m2m = await createOrgRole(srv, { type: 'MachineToMachine' });
  const userRole = await createOrgRole(srv);
  const res = await srv.api('POST', rolesPath(org, user), { organizationRoleIds: [userRole.id, m2m.id] });
  expectError(res, 422, 'entity.db_constraint_violated');
  assert.deepEqual(await roleIdsOf(org, user), []);
});

test('a MachineToMachine role named in organizationRoleNames is refused with 422 entity.db_constraint_violated', async () => {
  const { org, user } = await memberOfNewOrg();
  const m2m = await createOrgRole(srv, { type: 'MachineToMachine' });
  expectError(
    await srv.api('POST', rolesPath(org, user), { organizationRoleNames: [m2m.name] }),
    422,
    'entity.db_constraint_violated',
  );
});

test('POST /organizations/:id/users/roles refuses a MachineToMachine role with 422 entity.db_constraint_violated', async () => {
  const { org, user } = await memberOfNewOrg();
  const m2m = await createOrgRole(srv, { type: 'MachineToMachine' });
  expectError(
    await srv.api('POST', `/organizations/${org.id}/users/roles`, { userIds: [user.id], organizationRoleIds: [m2m.id] }),
    422,
    'entity.db_constraint_violated',
  );
});

for (const method of ['GET', 'POST', 'PUT']) {
  test(`${method} .../users/:userId/roles for a non-member answers 422 organization.require_membership`, async () => {
    const org = await createOrg(srv);
    const stranger = await createUser(srv);
    const role = await createOrgRole(srv);
    const body = method === 'GET' ? undefined : { organizationRoleIds: [role.id] };
    expectError(await srv.api(method, rolesPath(org, stranger), body), 422, 'organization.require_membership');
  });
}

test('PUT .../users/:userId/roles replaces the roles (204)', async () => {
  const { org, user } = await memberOfNewOrg();
  const [a, b, c] = [await createOrgRole(srv), await createOrgRole(srv), await createOrgRole(srv)];
  await addMemberRoles(srv, org.id, user.id, [a.id, b.id]);
  expectStatus(await srv.api('PUT', rolesPath(org, user), { organizationRoleIds: [b.id, c.id] }), 204);
  assert.deepEqual(await roleIdsOf(org, user), sorted([b.id, c.id]));
  expectStatus(await srv.api('PUT', rolesPath(org, user), { organizationRoleNames: [a.name] }), 204);
  assert.deepEqual(await roleIdsOf(org, user), [a.id]);
  expectStatus(await srv.api('PUT', rolesPath(org, user), { organizationRoleIds: [] }), 204);
  assert.deepEqual(await roleIdsOf(org, user), []);
});

test('DELETE .../users/:userId/roles/:roleId removes one role (204), then answers 404 entity.not_found', async () => {
  const { org, user } = await memberOfNewOrg();
  const [a, b] = [await createOrgRole(srv), await createOrgRole(srv)];
  await addMemberRoles(srv, org.id, user.id, [a.id, b.id]);
  expectStatus(await srv.api('DELETE', `${rolesPath(org, user)}/${a.id}`), 204);
  assert.deepEqual(await roleIdsOf(org, user), [b.id]);
  expectError(await srv.api('DELETE', `${rolesPath(org, user)}/${a.id}`), 404, 'entity.not_found');
});

test('GET .../users/:userId/roles returns role objects with id, name and type', async () => {
  const { org, user } = await memberOfNewOrg();
  const r = await createOrgRole(srv, { description: 'desc' });
  await addMemberRoles(srv, org.id, user.id, [r.id]);
  const [item] = await list(srv, rolesPath(org, user));
  assert.equal(item.id, r.id);
  assert.equal(item.name, r.name);
  assert.equal(item.type, 'User');
});

test('a user holds different roles in different organizations', async () => {
  const user = await createUser(srv);
  const a = await createOrg(srv);
  const b = await createOrg(srv);
  const admin = await createOrgRole(srv);
  const member = await createOrgRole(srv);
  await addMembers(srv, a.id, [user.id]);
  await addMembers(srv, b.id, [user.id]);
  await addMemberRoles(srv, a.id, user.id, [admin.id]);
  await addMemberRoles(srv, b.id, user.id, [member.id]);
  assert.deepEqual(await roleIdsOf(a, user), [admin.id]);
  assert.deepEqual(await roleIdsOf(b, user), [member.id]);
});

test('deleting an organization role removes it from every member holding it', async () => {
  const { org, user } = await memberOfNewOrg();
  const [gone, kept] = [await createOrgRole(srv), await createOrgRole(srv)];
  await addMemberRoles(srv, org.id, user.id, [gone.id, kept.id]);
  expectStatus(await srv.api('DELETE', `/organization-roles/${gone.id}`), 204);
  assert.deepEqual(await roleIdsOf(org, user), [kept.id]);
});

// ---------------------------------------------------------------- scopes of a member

test('GET .../users/:userId/scopes returns the distinct permissions of the member\'s roles', async () => {
  const { org, user } = await memberOfNewOrg();
  const [read, write, admin] = [await createOrgScope(srv), await createOrgScope(srv), await createOrgScope(srv)];
  const r1 = await createOrgRole(srv, { organizationScopeIds: [read.id, write.id] });
  const r2 = await createOrgRole(srv, { organizationScopeIds: [write.id] });
  await createOrgRole(srv, { organizationScopeIds: [admin.id] }); // not held
  await addMemberRoles(srv, org.id, user.id, [r1.id, r2.id]);
  const scopes = await list(srv, `/organizations/${org.id}/users/${user.id}/scopes`);
  assert.deepEqual(sorted(ids(scopes)), sorted([read.id, write.id]));
  const w = scopes.find((s) => s.id === write.id);
  assert.equal(w.name, write.name);
});

test('a permission added to a template role is held at once by members in every organization', async () => {
  const user = await createUser(srv);
  const orgs = [await createOrg(srv), await createOrg(srv), await createOrg(srv)];
  const role = await createOrgRole(srv);
  for (const o of orgs) {
    await addMembers(srv, o.id, [user.id]);
    await addMemberRoles(srv, o.id, user.id, [role.id]);
  }
  const perm = await createOrgScope(srv);
  expectStatus(await srv.api('POST', `/organization-roles/${role.id}/scopes`, { organizationScopeIds: [perm.id] }), 201);
  for (const o of orgs) assert.deepEqual(await scopeNamesOf(o, user), [perm.name]);
  expectStatus(await srv.api('DELETE', `/organization-roles/${role.id}/scopes/${perm.id}`), 204);
  for (const o of orgs) assert.deepEqual(await scopeNamesOf(o, user), []);
});

test('the seed scenario: Alice admin in A and member in B, Bob member in A, hold exactly their roles\' permissions', async () => {
  const tag = uniq('seed');
  const perm = {};
  for (const p of ['add:member', 'remove:member', 'change:role', 'read:resource', 'invite:member']) {
    perm[p] = await createOrgScope(srv, { name: `${tag}:${p}` });
  }
  const admin = await createOrgRole(srv, {
    name: `${tag}-admin`,
    organizationScopeIds: ['add:member', 'remove:member', 'change:role', 'read:resource'].map((p) => perm[p].id),
  });
  const member = await createOrgRole(srv, {
    name: `${tag}-member`,
    organizationScopeIds: ['read:resource', 'invite:member'].map((p) => perm[p].id),
  });
  const alice = await createUser(srv, { name: 'Alice' });
  const bob = await createUser(srv, { name: 'Bob' });
  const A = await createOrg(srv, { name: 'A' });
  const B = await createOrg(srv, { name: 'B' });
  await addMembers(srv, A.id, [alice.id, bob.id]);
  await addMembers(srv, B.id, [alice.id]);
  expectStatus(await srv.api('POST', `/organizations/${A.id}/users/${alice.id}/roles`, { organizationRoleNames: [admin.name] }), 201);
  expectStatus(await srv.api('POST', `/organizations/${A.id}/users/${bob.id}/roles`, { organizationRoleNames: [member.name] }), 201);
  expectStatus(await srv.api('POST', `/organizations/${B.id}/users/${alice.id}/roles`, { organizationRoleNames: [member.name] }), 201);

  const names = (ps) => sorted(ps.map((p) => perm[p].name));
  assert.deepEqual(await scopeNamesOf(A, alice), names(['add:member', 'remove:member', 'change:role', 'read:resource']));
  assert.deepEqual(await scopeNamesOf(A, bob), names(['read:resource', 'invite:member']));
  assert.deepEqual(await scopeNamesOf(B, alice), names(['read:resource', 'invite:member']));

  const aliceOrgs = await list(srv, `/users/${alice.id}/organizations`);
  const rolesIn = (o) => aliceOrgs.find((x) => x.id === o.id).organizationRoles.map((r) => r.name);
  assert.deepEqual(rolesIn(A), [admin.name]);
  assert.deepEqual(rolesIn(B), [member.name]);

  // A new template role is usable in every organization at once.
  const developer = await createOrgRole(srv, { name: `${tag}-developer`, organizationScopeIds: [perm['read:resource'].id] });
  expectStatus(await srv.api('POST', `/organizations/${B.id}/users/${alice.id}/roles`, { organizationRoleNames: [developer.name] }), 201);
  expectStatus(await srv.api('POST', `/organizations/${A.id}/users/${bob.id}/roles`, { organizationRoleIds: [developer.id] }), 201);
  assert.deepEqual(await roleIdsOf(B, alice), sorted([member.id, developer.id]));
});
