// Organization members: /api/organizations/:id/users (API.md "Organizations" → Members).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  addMemberRoles,
  addMembers,
  createOrg,
  createOrgRole,
  createUser,
  expectError,
  expectStatus,
  ids,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const members = async (orgId) => sorted(ids(await list(srv, `/organizations/${orgId}/users`)));
const roleIdsOf = async (orgId, userId) => sorted(ids(await list(srv, `/organizations/${orgId}/users/${userId}/roles`)));

async function users(n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await createUser(srv));
  return out;
}

test('POST /organizations/:id/users adds members and answers 201 echoing the body as sent', async () => {
  const org = await createOrg(srv);
  const [a, b] = await users(2);
  const body = { userIds: [a.id, b.id] };
  const res = await srv.api('POST', `/organizations/${org.id}/users`, body);
  expectStatus(res, 201);
  assert.deepEqual(res.json, body);
  assert.deepEqual(await members(org.id), sorted([a.id, b.id]));
});

test('POST /organizations/:id/users is idempotent: repeated and duplicated ids are stored once', async () => {
  const org = await createOrg(srv);
  const [a, b] = await users(2);
  await addMembers(srv, org.id, [a.id]);
  const body = { userIds: [a.id, b.id, b.id] };
  const res = await srv.api('POST', `/organizations/${org.id}/users`, body);
  expectStatus(res, 201);
  assert.deepEqual(res.json, body);
  const listed = ids(await list(srv, `/organizations/${org.id}/users`));
  assert.deepEqual(sorted(listed), sorted([a.id, b.id]));
});

test('POST /organizations/:id/users keeps the roles of members added again', async () => {
  const org = await createOrg(srv);
  const [a] = await users(1);
  const role = await createOrgRole(srv);
  await addMembers(srv, org.id, [a.id]);
  await addMemberRoles(srv, org.id, a.id, [role.id]);
  await addMembers(srv, org.id, [a.id]);
  assert.deepEqual(await roleIdsOf(org.id, a.id), [role.id]);
});

test('POST /organizations/:id/users with an unknown user answers 422 entity.relation_foreign_key_not_found and adds nobody', async () => {
  const org = await createOrg(srv);
  const [a] = await users(1);
  const res = await srv.api('POST', `/organizations/${org.id}/users`, { userIds: [a.id, 'nosuchuser0000000000x'] });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
  assert.deepEqual(await members(org.id), []);
});

test('POST /organizations/:id/users on an unknown organization answers 422 entity.relation_foreign_key_not_found', async () => {
  const [a] = await users(1);
  const res = await srv.api('POST', '/organizations/nosuchorg000/users', { userIds: [a.id] });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
});

test('POST /organizations/:id/users with an empty list answers 400 guard.invalid_input', async () => {
  const org = await createOrg(srv);
  expectError(await srv.api('POST', `/organizations/${org.id}/users`, { userIds: [] }), 400, 'guard.invalid_input');
});

test('POST /organizations/:id/users without userIds answers 400 guard.invalid_input', async () => {
  const org = await createOrg(srv);
  expectError(await srv.api('POST', `/organizations/${org.id}/users`, {}), 400, 'guard.invalid_input');
});

test('POST /organizations/:id/users with a non-string id answers 400 guard.invalid_input', async () => {
  const org = await createOrg(srv);
  expectError(await srv.api('POST', `/organizations/${org.id}/users`, { userIds: [1] }), 400, 'guard.invalid_input');
});

test('PUT /organizations/:id/users replaces the members: adds and removes only the difference (204)', async () => {
  const org = await createOrg(srv);
  const [a, b, c, d] = await users(4);
  await addMembers(srv, org.id, [a.id, b.id, c.id]);
  const res = await srv.api('PUT', `/organizations/${org.id}/users`, { userIds: [b.id, d.id] });
  expectStatus(res, 204);
  assert.deepEqual(await members(org.id), sorted([b.id, d.id]));
});

test('PUT /organizations/:id/users keeps the roles of members who stay', async () => {
  const org = await createOrg(srv);
  const [a, b, c] = await users(3);
  const admin = await createOrgRole(srv);
  const member = await createOrgRole(srv);
  await addMembers(srv, org.id, [a.id, b.id]);
  await addMemberRoles(srv, org.id, a.id, [admin.id, member.id]);
  await addMemberRoles(srv, org.id, b.id, [member.id]);
  expectStatus(await srv.api('PUT', `/organizations/${org.id}/users`, { userIds: [a.id, c.id] }), 204);
  assert.deepEqual(await roleIdsOf(org.id, a.id), sorted([admin.id, member.id]));
  assert.deepEqual(await roleIdsOf(org.id, c.id), []);
});

test('PUT /organizations/:id/users removes the roles of members it removes', async () => {
  const org = await createOrg(srv);
  const [a, b] = await users(2);
  const role = await createOrgRole(srv);
  await addMembers(srv, org.id, [a.id, b.id]);
  await addMemberRoles(srv, org.id, b.id, [role.id]);
  expectStatus(await srv.api('PUT', `/organizations/${org.id}/users`, { userIds: [a.id] }), 204);
  await addMembers(srv, org.id, [b.id]);
  assert.deepEqual(await roleIdsOf(org.id, b.id), []);
});

test('PUT /organizations/:id/users with an empty list removes every member', async () => {
  const org = await createOrg(srv);
  const [a, b] = await users(2);
  await addMembers(srv, org.id, [a.id, b.id]);
  expectStatus(await srv.api('PUT', `/organizations/${org.id}/users`, { userIds: [] }), 204);
  assert.deepEqual(await members(org.id), []);
});

test('PUT /organizations/:id/users with an unknown user answers 422 and changes nothing', async () => {
  const org = await createOrg(srv);
  const [a, b] = await users(2);
  await addMembers(srv, org.id, [a.id]);
  const res = await srv.api('PUT', `/organizations/${org.id}/users`, { userIds: [b.id, 'nosuchuser0000000000x'] });
  expectError(res, 422, 'entity.relation_foreign_key_not_found');
  assert.deepEqual(await members(org.id), [a.id]);
});

test('DELETE /organizations/:id/users/:userId removes the member (204)', async () => {
  const org = await createOrg(srv);
  const [a, b] = await users(2);
  await addMembers(srv, org.id, [a.id, b.id]);
  expectStatus(await srv.api('DELETE', `/organizations/${org.id}/users/${a.id}`), 204);
  assert.deepEqual(await members(org.id), [b.id]);
});

test('DELETE /organizations/:id/users/:userId of a non-member answers 404 entity.not_found', async () => {
  const org = await createOrg(srv);
  const [a] = await users(1);
  expectError(await srv.api('DELETE', `/organizations/${org.id}/users/${a.id}`), 404, 'entity.not_found');
});

test('removing a member removes its role assignments in that organization only', async () => {
  const org = await createOrg(srv);
  const other = await createOrg(srv);
  const [a] = await users(1);
  const role = await createOrgRole(srv);
  await addMembers(srv, org.id, [a.id]);
  await addMembers(srv, other.id, [a.id]);
  await addMemberRoles(srv, org.id, a.id, [role.id]);
  await addMemberRoles(srv, other.id, a.id, [role.id]);
  expectStatus(await srv.api('DELETE', `/organizations/${org.id}/users/${a.id}`), 204);
  await addMembers(srv, org.id, [a.id]);
  assert.deepEqual(await roleIdsOf(org.id, a.id), []);
  assert.deepEqual(await roleIdsOf(other.id, a.id), [role.id]);
});

test('GET /organizations/:id/users lists members ordered by user id with their roles sorted by name', async () => {
  const org = await createOrg(srv);
  const us = await users(5);
  const tag = uniq('r');
  const zeta = await createOrgRole(srv, { name: `${tag}-zeta` });
  const alpha = await createOrgRole(srv, { name: `${tag}-alpha` });
  const mid = await createOrgRole(srv, { name: `${tag}-mid` });
  await addMembers(srv, org.id, ids(us));
  await addMemberRoles(srv, org.id, us[0].id, [zeta.id, alpha.id, mid.id]);

  const res = await list(srv, `/organizations/${org.id}/users`);
  assert.deepEqual(ids(res), sorted(ids(us)));
  const first = res.find((u) => u.id === us[0].id);
  assert.deepEqual(first.organizationRoles, [
    { id: alpha.id, name: alpha.name },
    { id: mid.id, name: mid.name },
    { id: zeta.id, name: zeta.name },
  ]);
  assert.deepEqual(res.find((u) => u.id === us[1].id).organizationRoles, []);
  assert.equal(first.username, us[0].username);
  assert.ok(!Object.keys(first).some((k) => /password|hash/i.test(k) && k !== 'hasPassword'), 'password material listed');
});

test('GET /organizations/:id/users?organizationRoleId= lists only members holding that role', async () => {
  const org = await createOrg(srv);
  const [a, b, c] = await users(3);
  const role = await createOrgRole(srv);
  await addMembers(srv, org.id, [a.id, b.id, c.id]);
  await addMemberRoles(srv, org.id, a.id, [role.id]);
  await addMemberRoles(srv, org.id, c.id, [role.id]);
  assert.deepEqual(
    sorted(ids(await list(srv, `/organizations/${org.id}/users?organizationRoleId=${role.id}`))),
    sorted([a.id, c.id]),
  );
});

test('GET /organizations/:id/users q matches id, email, phone, username and name of members only', async () => {
  const org = await createOrg(srv);
  const tag = uniq('mq').replace(/-/g, '');
  const byUsername = await createUser(srv, { username: `${tag}_u` });
  const byEmail = await createUser(srv, { primaryEmail: `${tag}@example.com` });
  const byName = await createUser(srv, { name: `N ${tag.toUpperCase()}` });
  const other = await createUser(srv, { name: 'someone' });
  const outsider = await createUser(srv, { name: `${tag} outsider` });
  await addMembers(srv, org.id, ids([byUsername, byEmail, byName, other]));
  assert.deepEqual(
    sorted(ids(await list(srv, `/organizations/${org.id}/users?q=${tag}`))),
    sorted(ids([byUsername, byEmail, byName])),
  );
  assert.ok(!ids(await list(srv, `/organizations/${org.id}/users?q=${tag}`)).includes(outsider.id));
  assert.deepEqual(ids(await list(srv, `/organizations/${org.id}/users?q=${other.id}`)), [other.id]);
});

test('POST /organizations/:id/users/roles assigns every role to every listed member (201)', async () => {
  const org = await createOrg(srv);
  const [a, b, c] = await users(3);
  const r1 = await createOrgRole(srv);
  const r2 = await createOrgRole(srv);
  await addMembers(srv, org.id, [a.id, b.id, c.id]);
  const res = await srv.api('POST', `/organizations/${org.id}/users/roles`, {
    userIds: [a.id, b.id],
    organizationRoleIds: [r1.id, r2.id],
  });
  expectStatus(res, 201);
  assert.deepEqual(await roleIdsOf(org.id, a.id), sorted([r1.id, r2.id]));
  assert.deepEqual(await roleIdsOf(org.id, b.id), sorted([r1.id, r2.id]));
  assert.deepEqual(await roleIdsOf(org.id, c.id), []);
});

test('POST /organizations/:id/users/roles with an unknown role answers 422 and assigns nothing', async () => {
  const org = await createOrg(srv);
  const [a] = await users(1);
  const r1 = await createOrgRole(srv);
  await addMembers(srv, org.id, [a.id]);
  const res = await srv.api('POST', `/organizations/${org.id}/users/roles`, {
    userIds: [a.id],
    organizationRoleIds: [r1.id, 'nosuchrole0000000000x'],
  });
  assert.equal(res.status, 422, res.text);
  assert.deepEqual(await roleIdsOf(org.id, a.id), []);
});
