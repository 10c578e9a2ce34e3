// /api/resources and /api/resources/:id/scopes (API.md "API resources and global roles").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createResource,
  createResourceScope,
  expectClientError,
  expectError,
  expectId,
  expectStatus,
  ids,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

async function managementApiResource() {
  const all = await list(srv, '/resources');
  const r = all.find((x) => x.indicator === srv.managementResource);
  assert.ok(r, `no resource with indicator ${srv.managementResource} in ${JSON.stringify(ids(all))}`);
  return r;
}

test('POST /resources creates a resource with a default access token TTL of 3600 s', async () => {
  const name = uniq('api');
  const res = await srv.api('POST', '/resources', { name, indicator: `https://${name}.example.com` });
  expectStatus(res, 201);
  expectId(res.json.id);
  assert.equal(res.json.name, name);
  assert.equal(res.json.indicator, `https://${name}.example.com`);
  assert.equal(res.json.accessTokenTtl, 3600);
  assert.equal(res.json.tenantId, 'default');
});

test('POST /resources keeps a given accessTokenTtl', async () => {
  const r = await createResource(srv, { accessTokenTtl: 600 });
  assert.equal(r.accessTokenTtl, 600);
});

test('POST /resources with an indicator already in use answers 422', async () => {
  const r = await createResource(srv);
  const res = await srv.api('POST', '/resources', { name: 'other', indicator: r.indicator });
  assert.equal(res.status, 422, res.text);
});

test('POST /resources without an indicator answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/resources', { name: 'x' }), 400, 'guard.invalid_input');
});

test('GET /resources lists the built-in Management API resource with its scope `all`', async () => {
  const r = await managementApiResource();
  const scopes = await list(srv, `/resources/${r.id}/scopes`);
  assert.ok(scopes.some((s) => s.name === 'all'), `scopes: ${JSON.stringify(scopes)}`);
});

test('the Management API resource cannot be deleted', async () => {
  const r = await managementApiResource();
  expectClientError(await srv.api('DELETE', `/resources/${r.id}`));
  expectStatus(await srv.api('GET', `/resources/${r.id}`), 200);
  expectStatus(await srv.api('GET', '/organizations'), 200);
});

test('GET /resources/:id returns the resource; an unknown id answers 404 entity.not_exists_with_id', async () => {
  const r = await createResource(srv);
  const res = await srv.api('GET', `/resources/${r.id}`);
  expectStatus(res, 200);
  const pick = ({ tenantId, id, name, indicator, accessTokenTtl }) => ({ tenantId, id, name, indicator, accessTokenTtl });
  assert.deepEqual(pick(res.json), pick(r));
  expectError(await srv.api('GET', '/resources/nosuchresource0000000'), 404, 'entity.not_exists_with_id');
});

test('PATCH /resources/:id changes name and accessTokenTtl', async () => {
  const r = await createResource(srv);
  const res = await srv.api('PATCH', `/resources/${r.id}`, { name: 'renamed', accessTokenTtl: 120 });
  expectStatus(res, 200);
  assert.equal(res.json.name, 'renamed');
  assert.equal(res.json.accessTokenTtl, 120);
  assert.equal(res.json.indicator, r.indicator);
});

test('DELETE /resources/:id answers 204 and removes it with its scopes; a second DELETE answers 404 entity.not_found', async () => {
  const r = await createResource(srv);
  await createResourceScope(srv, r.id);
  expectStatus(await srv.api('DELETE', `/resources/${r.id}`), 204);
  expectError(await srv.api('GET', `/resources/${r.id}`), 404, 'entity.not_exists_with_id');
  expectError(await srv.api('DELETE', `/resources/${r.id}`), 404, 'entity.not_found');
});

test('a token for a resource carries that resource as audience and its TTL as lifetime', async () => {
  const r = await createResource(srv, { accessTokenTtl: 900 });
  const res = await srv.clientCredentials({ resource: r.indicator, scope: undefined });
  expectStatus(res, 200);
  assert.equal(res.json.expires_in, 900);
  const claims = JSON.parse(Buffer.from(res.json.access_token.split('.')[1], 'base64url'));
  assert.equal(claims.aud, r.indicator);
  assert.equal(claims.exp - claims.iat, 900);
});

// ---------------------------------------------------------------- scopes

test('POST /resources/:id/scopes creates a scope (201) listed by GET', async () => {
  const r = await createResource(srv);
  const res = await srv.api('POST', `/resources/${r.id}/scopes`, { name: 'read:doc', description: 'Read docs' });
  expectStatus(res, 201);
  expectId(res.json.id);
  assert.equal(res.json.name, 'read:doc');
  assert.equal(res.json.description, 'Read docs');
  assert.equal(res.json.resourceId, r.id);
  assert.deepEqual(ids(await list(srv, `/resources/${r.id}/scopes`)), [res.json.id]);
});

test('POST /resources/:id/scopes with a name already used in that resource answers 422', async () => {
  const r = await createResource(srv);
  await createResourceScope(srv, r.id, { name: 'write' });
  const res = await srv.api('POST', `/resources/${r.id}/scopes`, { name: 'write' });
  assert.equal(res.status, 422, res.text);
});

test('the same scope name may exist in two different resources', async () => {
  const a = await createResource(srv);
  const b = await createResource(srv);
  await createResourceScope(srv, a.id, { name: 'shared' });
  await createResourceScope(srv, b.id, { name: 'shared' });
});

test('GET /resources/:id/scopes of an unknown resource answers 404', async () => {
  const res = await srv.api('GET', '/resources/nosuchresource0000000/scopes');
  assert.equal(res.status, 404, res.text);
});

test('PATCH /resources/:id/scopes/:scopeId renames the scope', async () => {
  const r = await createResource(srv);
  const s = await createResourceScope(srv, r.id);
  const res = await srv.api('PATCH', `/resources/${r.id}/scopes/${s.id}`, { name: 'renamed', description: 'd' });
  expectStatus(res, 200);
  assert.equal(res.json.name, 'renamed');
  assert.equal(res.json.description, 'd');
  assert.deepEqual((await list(srv, `/resources/${r.id}/scopes`)).map((x) => x.name), ['renamed']);
});

test('DELETE /resources/:id/scopes/:scopeId answers 204, then 404 entity.not_found', async () => {
  const r = await createResource(srv);
  const s = await createResourceScope(srv, r.id);
  const keep = await createResourceScope(srv, r.id);
  expectStatus(await srv.api('DELETE', `/resources/${r.id}/scopes/${s.id}`), 204);
  assert.deepEqual(ids(await list(srv, `/resources/${r.id}/scopes`)), [keep.id]);
  expectError(await srv.api('DELETE', `/resources/${r.id}/scopes/${s.id}`), 404, 'entity.not_found');
});

test('GET /resources/:id/scopes without pagination parameters returns every scope', async () => {
  const r = await createResource(srv);
  const made = [];
  for (let i = 0; i < 23; i++) made.push((await createResourceScope(srv, r.id)).id);
  assert.deepEqual(sorted(ids(await list(srv, `/resources/${r.id}/scopes`))), sorted(made));
});
