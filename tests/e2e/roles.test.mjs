// Global roles: /api/roles, /roles/:id/scopes, /roles/:id/users, /roles/:id/applications
// (API.md "API resources and global roles").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createApp,
  createAppWithSecret,
  createResource,
  createResourceScope,
  createRole,
  createUser,
  expectClientError,
  expectError,
  expectId,
  expectStatus,
  ids,
  jwtPayload,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

test('POST /roles creates a User role by default (200)', async () => {
  const name = uniq('role');
  const res = await srv.api('POST', '/roles', { name, description: 'A role' });
  expectStatus(res, 200);
  expectId(res.json.id);
  assert.equal(res.json.name, name);
  assert.equal(res.json.description, 'A role');
  assert.equal(res.json.type, 'User');
});

test('POST /roles with scopeIds creates the role holding those scopes', async () => {
  const r = await createResource(srv);
  const a = await createResourceScope(srv, r.id);
  const b = await createResourceScope(srv, r.id);
  const role = await createRole(srv, { scopeIds: [a.id, b.id] });
  assert.deepEqual(sorted(ids(await list(srv, `/roles/${role.id}/scopes`))), sorted([a.id, b.id]));
});

test('POST /roles with an unknown scope id fails and creates no role', async () => {
  const name = uniq('bad');
  const res = await srv.api('POST', '/roles', { name, description: 'x', scopeIds: ['nosuchscope0000000000'] });
  expectClientError(res);
  assert.deepEqual(await list(srv, `/roles?q=${name}`), []);
});

test('POST /roles with a name already in use answers 422', async () => {
  const role = await createRole(srv);
  const res = await srv.api('POST', '/roles', { name: role.name, description: 'again' });
  assert.equal(res.status, 422, res.text);
});

test('POST /roles with an unknown type answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/roles', { name: uniq('r'), description: 'x', type: 'Admin' }), 400, 'guard.invalid_input');
});

test('GET /roles filters by q and by type', async () => {
  const tag = uniq('rq');
  const user = await createRole(srv, { name: `${tag}-user` });
  const m2m = await createRole(srv, { name: `${tag}-m2m`, type: 'MachineToMachine' });
  assert.deepEqual(sorted(ids(await list(srv, `/roles?q=${tag}`))), sorted([user.id, m2m.id]));
  assert.deepEqual(ids(await list(srv, `/roles?q=${tag}&type=MachineToMachine`)), [m2m.id]);
  assert.deepEqual(ids(await list(srv, `/roles?q=${tag}&type=User`)), [user.id]);
});

test('GET, PATCH and DELETE /roles/:id read, change and remove the role', async () => {
  const role = await createRole(srv);
  expectStatus(await srv.api('GET', `/roles/${role.id}`), 200);
  const patched = await srv.api('PATCH', `/roles/${role.id}`, { name: uniq('renamed'), description: 'changed' });
  expectStatus(patched, 200);
  assert.equal(patched.json.description, 'changed');
  expectStatus(await srv.api('DELETE', `/roles/${role.id}`), 204);
  expectError(await srv.api('GET', `/roles/${role.id}`), 404, 'entity.not_exists_with_id');
  expectError(await srv.api('DELETE', `/roles/${role.id}`), 404, 'entity.not_found');
});

test('POST /roles/:id/scopes adds scopes and DELETE /roles/:id/scopes/:scopeId removes one', async () => {
  const r = await createResource(srv);
  const a = await createResourceScope(srv, r.id);
  const b = await createResourceScope(srv, r.id);
  const role = await createRole(srv);
  expectStatus(await srv.api('POST', `/roles/${role.id}/scopes`, { scopeIds: [a.id, b.id] }), 201);
  assert.deepEqual(sorted(ids(await list(srv, `/roles/${role.id}/scopes`))), sorted([a.id, b.id]));
  expectStatus(await srv.api('DELETE', `/roles/${role.id}/scopes/${a.id}`), 204);
  assert.deepEqual(ids(await list(srv, `/roles/${role.id}/scopes`)), [b.id]);
  expectError(await srv.api('DELETE', `/roles/${role.id}/scopes/${a.id}`), 404, 'entity.not_found');
});

test('POST /roles/:id/users assigns users to a User role, listed by GET and removable', async () => {
  const role = await createRole(srv);
  const u1 = await createUser(srv);
  const u2 = await createUser(srv);
  expectStatus(await srv.api('POST', `/roles/${role.id}/users`, { userIds: [u1.id, u2.id] }), 201);
  assert.deepEqual(sorted(ids(await list(srv, `/roles/${role.id}/users`))), sorted([u1.id, u2.id]));
  expectStatus(await srv.api('DELETE', `/roles/${role.id}/users/${u1.id}`), 204);
  assert.deepEqual(ids(await list(srv, `/roles/${role.id}/users`)), [u2.id]);
  expectError(await srv.api('DELETE', `/roles/${role.id}/users/${u1.id}`), 404, 'entity.not_found');
});

test('POST /roles/:id/users with an unknown user leaves the role without users', async () => {
  const role = await createRole(srv);
  const u = await createUser(srv);
  expectClientError(await srv.api('POST', `/roles/${role.id}/users`, { userIds: [u.id, 'nosuchuser0000000000x'] }));
  assert.deepEqual(await list(srv, `/roles/${role.id}/users`), []);
});

test('a user cannot be assigned a MachineToMachine role (422)', async () => {
  const role = await createRole(srv, { type: 'MachineToMachine' });
  const u = await createUser(srv);
  const res = await srv.api('POST', `/roles/${role.id}/users`, { userIds: [u.id] });
  assert.equal(res.status, 422, res.text);
});

test('POST /roles/:id/applications assigns M2M apps to a MachineToMachine role, listed by GET and removable', async () => {
  const role = await createRole(srv, { type: 'MachineToMachine' });
  const app = await createApp(srv);
  expectStatus(await srv.api('POST', `/roles/${role.id}/applications`, { applicationIds: [app.id] }), 201);
  assert.deepEqual(ids(await list(srv, `/roles/${role.id}/applications`)), [app.id]);
  expectStatus(await srv.api('DELETE', `/roles/${role.id}/applications/${app.id}`), 204);
  assert.deepEqual(await list(srv, `/roles/${role.id}/applications`), []);
});

test('an application cannot be assigned a User role (422)', async () => {
  const role = await createRole(srv);
  const app = await createApp(srv);
  const res = await srv.api('POST', `/roles/${role.id}/applications`, { applicationIds: [app.id] });
  assert.equal(res.status, 422, res.text);
});

test('an M2M role grants its resource scopes in client_credentials tokens, and removing a scope withdraws it', async () => {
  const r = await createResource(srv);
  const read = await createResourceScope(srv, r.id, { name: 'read' });
  const write = await createResourceScope(srv, r.id, { name: 'write' });
  await createResourceScope(srv, r.id, { name: 'admin' });
  const role = await createRole(srv, { type: 'MachineToMachine', scopeIds: [read.id, write.id] });
  const { app, secret } = await createAppWithSecret(srv);
  expectStatus(await srv.api('POST', `/roles/${role.id}/applications`, { applicationIds: [app.id] }), 201);

  const ask = async () => {
    const res = await srv.clientCredentials({
      clientId: app.id, clientSecret: secret, resource: r.indicator, scope: 'read write admin',
    });
    expectStatus(res, 200);
    return sorted(String(jwtPayload(res.json.access_token).scope).split(' ').filter(Boolean));
  };
  assert.deepEqual(await ask(), ['read', 'write']);
  expectStatus(await srv.api('DELETE', `/roles/${role.id}/scopes/${write.id}`), 204);
  assert.deepEqual(await ask(), ['read']);
});
