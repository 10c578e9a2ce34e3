// /api/organization-scopes: the permissions of the organization template (API.md
// "Organization template").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createOrgScope, expectError, expectId, expectStatus, ids, list, sorted } from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

test('POST /organization-scopes creates a permission (201)', async () => {
  const name = uniq('read:doc');
  const res = await srv.api('POST', '/organization-scopes', { name, description: 'Read documents' });
  expectStatus(res, 201);
  expectId(res.json.id);
  assert.equal(res.json.tenantId, 'default');
  assert.equal(res.json.name, name);
  assert.equal(res.json.description, 'Read documents');
});

test('POST /organization-scopes without a description stores null', async () => {
  const s = await createOrgScope(srv);
  assert.equal(s.description, null);
});

test('POST /organization-scopes with a name already in use answers 422 entity.unique_integrity_violation', async () => {
  const s = await createOrgScope(srv);
  expectError(await srv.api('POST', '/organization-scopes', { name: s.name }), 422, 'entity.unique_integrity_violation');
});

test('POST /organization-scopes without a name answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/organization-scopes', { description: 'x' }), 400, 'guard.invalid_input');
});

test('POST /organization-scopes with a 257-character description answers 400 guard.invalid_input', async () => {
  expectError(
    await srv.api('POST', '/organization-scopes', { name: uniq('s'), description: 'd'.repeat(257) }),
    400,
    'guard.invalid_input',
  );
});

test('GET /organization-scopes lists permissions ordered by name', async () => {
  const tag = uniq('ord');
  const made = {};
  for (const letter of ['e', 'a', 'd', 'b', 'c']) made[letter] = await createOrgScope(srv, { name: `${tag}:${letter}` });
  const all = await list(srv, '/organization-scopes');
  assert.deepEqual(
    ids(all.filter((s) => s.name.startsWith(tag))),
    ['a', 'b', 'c', 'd', 'e'].map((l) => made[l].id),
  );
});

test('GET /organization-scopes q matches the name case-insensitively', async () => {
  const tag = uniq('sq');
  const one = await createOrgScope(srv, { name: `${tag}:one` });
  const two = await createOrgScope(srv, { name: `X-${tag.toUpperCase()}` });
  await createOrgScope(srv, { name: uniq('other'), description: tag }); // description is not searched
  assert.deepEqual(sorted(ids(await list(srv, `/organization-scopes?q=${tag}`))), sorted([one.id, two.id]));
});

test('GET /organization-scopes/:id returns the permission; unknown id answers 404 entity.not_exists_with_id', async () => {
  const s = await createOrgScope(srv, { description: 'd' });
  const res = await srv.api('GET', `/organization-scopes/${s.id}`);
  expectStatus(res, 200);
  assert.deepEqual(res.json, s);
  expectError(await srv.api('GET', '/organization-scopes/nosuchscope0000000000'), 404, 'entity.not_exists_with_id');
});

test('PATCH /organization-scopes/:id changes name and description', async () => {
  const s = await createOrgScope(srv);
  const name = uniq('renamed');
  const res = await srv.api('PATCH', `/organization-scopes/${s.id}`, { name, description: 'new' });
  expectStatus(res, 200);
  assert.equal(res.json.name, name);
  assert.equal(res.json.description, 'new');
  assert.equal((await srv.api('GET', `/organization-scopes/${s.id}`)).json.name, name);
});

test('PATCH /organization-scopes/:id to a name in use answers 422 entity.unique_integrity_violation', async () => {
  const a = await createOrgScope(srv);
  const b = await createOrgScope(srv);
  expectError(await srv.api('PATCH', `/organization-scopes/${b.id}`, { name: a.name }), 422, 'entity.unique_integrity_violation');
});

test('PATCH /organization-scopes/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(
    await srv.api('PATCH', '/organization-scopes/nosuchscope0000000000', { name: uniq('x') }),
    404,
    'entity.not_exists_with_id',
  );
});

test('DELETE /organization-scopes/:id answers 204, then 404 entity.not_found', async () => {
  const s = await createOrgScope(srv);
  expectStatus(await srv.api('DELETE', `/organization-scopes/${s.id}`), 204);
  expectError(await srv.api('GET', `/organization-scopes/${s.id}`), 404, 'entity.not_exists_with_id');
  expectError(await srv.api('DELETE', `/organization-scopes/${s.id}`), 404, 'entity.not_found');
});

test('deleting a permission removes it from the roles that held it', async () => {
  const gone = await createOrgScope(srv);
  const kept = await createOrgScope(srv);
  const role = (await srv.api('POST', '/organization-roles', {
    name: uniq('r'),
    organizationScopeIds: [gone.id, kept.id],
  })).json;
  expectStatus(await srv.api('DELETE', `/organization-scopes/${gone.id}`), 204);
  assert.deepEqual(ids(await list(srv, `/organization-roles/${role.id}/scopes`)), [kept.id]);
});
