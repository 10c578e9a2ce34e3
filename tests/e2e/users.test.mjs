// /api/users (API.md "Users").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  addMemberRoles,
  addMembers,
  createOrg,
  createOrgRole,
  createUser,
  expectError,
  expectId,
  expectStatus,
  ids,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const USER_KEYS = [
  'id', 'username', 'primaryEmail', 'primaryPhone', 'name', 'avatar', 'customData', 'identities',
  'lastSignInAt', 'createdAt', 'updatedAt', 'isSuspended', 'hasPassword',
];

function expectUserShape(user) {
  for (const k of USER_KEYS) assert.ok(k in user, `user lacks ${k}: ${JSON.stringify(user)}`);
  const leaked = Object.keys(user).filter((k) => /password|hash|secret/i.test(k) && k !== 'hasPassword');
  assert.deepEqual(leaked, [], 'user JSON exposes password material');
  expectId(user.id);
}

const username = () => uniq('u').replace(/-/g, '_');

test('POST /users with all fields creates a user and returns it with the documented shape', async () => {
  const body = {
    username: username(),
    primaryEmail: `${uniq('mail')}@example.com`,
    primaryPhone: '15551234567',
    name: 'Alice Example',
    avatar: 'https://example.com/a.png',
    password: 'Corr3ct-Horse-Battery',
    customData: { plan: 'pro', n: 1 },
  };
  const res = await srv.api('POST', '/users', body);
  expectStatus(res, 200);
  const u = res.json;
  expectUserShape(u);
  assert.equal(u.username, body.username);
  assert.equal(u.primaryEmail, body.primaryEmail);
  assert.equal(u.primaryPhone, body.primaryPhone);
  assert.equal(u.name, body.name);
  assert.equal(u.avatar, body.avatar);
  assert.deepEqual(u.customData, body.customData);
  assert.deepEqual(u.identities, {});
  assert.equal(u.hasPassword, true);
  assert.equal(u.isSuspended, false);
  assert.equal(u.lastSignInAt, null);
  assert.equal(typeof u.createdAt, 'number');
  assert.ok(Math.abs(u.createdAt - Date.now()) < 60_000, `createdAt is not epoch ms: ${u.createdAt}`);
  assert.equal(typeof u.updatedAt, 'number');
  assert.ok(!res.text.includes(body.password), 'the password is echoed back');
});

test('POST /users with an empty body creates a user without identifiers or password', async () => {
  const res = await srv.api('POST', '/users', {});
  expectStatus(res, 200);
  expectUserShape(res.json);
  assert.equal(res.json.username, null);
  assert.equal(res.json.primaryEmail, null);
  assert.equal(res.json.hasPassword, false);
  assert.deepEqual(res.json.customData, {});
});

test('POST /users with a taken username answers 422 user.username_already_in_use', async () => {
  const u = await createUser(srv);
  expectError(await srv.api('POST', '/users', { username: u.username }), 422, 'user.username_already_in_use');
});

test('POST /users with a taken email answers 422 user.email_already_in_use', async () => {
  const email = `${uniq('dup')}@example.com`;
  await createUser(srv, { primaryEmail: email });
  expectError(await srv.api('POST', '/users', { primaryEmail: email }), 422, 'user.email_already_in_use');
});

test('POST /users with a non-string username answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/users', { username: 42 }), 400, 'guard.invalid_input');
});

test('POST /users with a malformed email answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/users', { primaryEmail: 'not-an-email' }), 400, 'guard.invalid_input');
});

test('POST /users with customData that is not an object answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/users', { customData: [1, 2] }), 400, 'guard.invalid_input');
});

test('POST /users with a 129-character username answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/users', { username: 'u' + 'x'.repeat(128) }), 400, 'guard.invalid_input');
});

test('POST /users with a 128-character name is accepted and a 129-character name is not', async () => {
  expectStatus(await srv.api('POST', '/users', { name: 'n'.repeat(128) }), 200);
  expectError(await srv.api('POST', '/users', { name: 'n'.repeat(129) }), 400, 'guard.invalid_input');
});

test('GET /users/:id returns the user as created', async () => {
  const u = await createUser(srv, { name: 'Get Me' });
  const res = await srv.api('GET', `/users/${u.id}`);
  expectStatus(res, 200);
  expectUserShape(res.json);
  assert.equal(res.json.id, u.id);
  assert.equal(res.json.name, 'Get Me');
  assert.equal(res.json.username, u.username);
});

test('GET /users/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(await srv.api('GET', '/users/nosuchuser0000000000x'), 404, 'entity.not_exists_with_id');
});

test('PATCH /users/:id updates the given fields and leaves the others', async () => {
  const u = await createUser(srv, { name: 'Before', primaryEmail: `${uniq('p')}@example.com` });
  const res = await srv.api('PATCH', `/users/${u.id}`, { name: 'After', customData: { k: 'v' } });
  expectStatus(res, 200);
  assert.equal(res.json.name, 'After');
  assert.deepEqual(res.json.customData, { k: 'v' });
  assert.equal(res.json.primaryEmail, u.primaryEmail);
  assert.equal(res.json.username, u.username);
  assert.ok(res.json.updatedAt >= u.updatedAt);
  const again = await srv.api('GET', `/users/${u.id}`);
  assert.equal(again.json.name, 'After');
});

test('PATCH /users/:id to a username another user holds answers 422 user.username_already_in_use', async () => {
  const a = await createUser(srv);
  const b = await createUser(srv);
  expectError(await srv.api('PATCH', `/users/${b.id}`, { username: a.username }), 422, 'user.username_already_in_use');
});

test('PATCH /users/:id ignores a password field (passwords change only through /password)', async () => {
  const u = await createUser(srv);
  assert.equal(u.hasPassword, false);
  const res = await srv.api('PATCH', `/users/${u.id}`, { password: 'Sneaky-Passw0rd!', name: 'n' });
  expectStatus(res, 200);
  assert.equal(res.json.hasPassword, false);
});

test('PATCH /users/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(await srv.api('PATCH', '/users/nosuchuser0000000000x', { name: 'x' }), 404, 'entity.not_exists_with_id');
});

test('PATCH /users/:id/password sets a password and returns the user with hasPassword true', async () => {
  const u = await createUser(srv);
  const res = await srv.api('PATCH', `/users/${u.id}/password`, { password: 'N3w-Passw0rd-Here' });
  expectStatus(res, 200);
  expectUserShape(res.json);
  assert.equal(res.json.id, u.id);
  assert.equal(res.json.hasPassword, true);
});

test('PATCH /users/:id/password without a password answers 400 guard.invalid_input', async () => {
  const u = await createUser(srv);
  expectError(await srv.api('PATCH', `/users/${u.id}/password`, {}), 400, 'guard.invalid_input');
});

test('DELETE /users/:id answers 204, then the user is gone and a second DELETE answers 404 entity.not_found', async () => {
  const u = await createUser(srv);
  expectStatus(await srv.api('DELETE', `/users/${u.id}`), 204);
  expectError(await srv.api('GET', `/users/${u.id}`), 404, 'entity.not_exists_with_id');
  expectError(await srv.api('DELETE', `/users/${u.id}`), 404, 'entity.not_found');
});

test('a deleted user no longer appears among the members of its organizations', async () => {
  const org = await createOrg(srv);
  const u = await createUser(srv);
  await addMembers(srv, org.id, [u.id]);
  expectStatus(await srv.api('DELETE', `/users/${u.id}`), 204);
  const res = await srv.api('GET', `/organizations/${org.id}/users`);
  expectStatus(res, 200);
  assert.deepEqual(ids(res.json), []);
});

test('GET /users/:id/organizations lists the organizations of the user with their roles there', async () => {
  const u = await createUser(srv);
  const a = await createOrg(srv);
  const b = await createOrg(srv);
  await createOrg(srv); // not a member
  const admin = await createOrgRole(srv);
  await addMembers(srv, a.id, [u.id]);
  await addMembers(srv, b.id, [u.id]);
  await addMemberRoles(srv, a.id, u.id, [admin.id]);

  const res = await srv.api('GET', `/users/${u.id}/organizations`);
  expectStatus(res, 200);
  assert.deepEqual(sorted(ids(res.json)), sorted([a.id, b.id]));
  const byId = Object.fromEntries(res.json.map((o) => [o.id, o]));
  assert.equal(byId[a.id].name, a.name);
  assert.deepEqual(byId[a.id].organizationRoles, [{ id: admin.id, name: admin.name }]);
  assert.deepEqual(byId[b.id].organizationRoles, []);
});

test('GET /users/:id/organizations of an unknown user answers 404', async () => {
  const res = await srv.api('GET', '/users/nosuchuser0000000000x/organizations');
  assert.equal(res.status, 404, res.text);
});

test('GET /users q matches id, username, primaryEmail, primaryPhone and name, case-insensitively', async () => {
  const tag = uniq('Q').replace(/-/g, '').toLowerCase(); // e.g. "qab12cd34"
  const byUsername = await createUser(srv, { username: `${tag}_user` });
  const byEmail = await createUser(srv, { primaryEmail: `x.${tag}@example.com` });
  const byName = await createUser(srv, { name: `Name ${tag.toUpperCase()}` });
  await createUser(srv, { name: 'unrelated' });

  const res = await srv.api('GET', `/users?q=${tag.toUpperCase()}`);
  expectStatus(res, 200);
  assert.deepEqual(sorted(ids(res.json)), sorted([byUsername.id, byEmail.id, byName.id]));

  const phone = `1555${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
  const byPhone = await createUser(srv, { primaryPhone: phone });
  assert.deepEqual(ids((await srv.api('GET', `/users?q=${phone.slice(2)}`)).json), [byPhone.id]);
  const byIdRes = await srv.api('GET', `/users?q=${byPhone.id}`);
  assert.deepEqual(ids(byIdRes.json), [byPhone.id]);
});
