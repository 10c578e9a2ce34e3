// /api/applications and their client secrets (API.md "Applications").
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import {
  createApp,
  createOrg,
  createResource,
  createResourceScope,
  createRole,
  expectError,
  expectId,
  expectStatus,
  ids,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const APP_KEYS = [
  'tenantId', 'id', 'name', 'description', 'type', 'oidcClientMetadata', 'customClientMetadata',
  'isThirdParty', 'createdAt',
].sort();

function expectAppShape(app) {
  assert.deepEqual(
    APP_KEYS.filter((k) => !(k in app)),
    [],
    `application lacks documented keys: ${JSON.stringify(app)}`,
  );
  const leaked = Object.keys(app).filter((k) => /secret/i.test(k));
  assert.deepEqual(leaked, [], 'application JSON exposes a secret');
  assert.equal(app.tenantId, 'default');
  expectId(app.id);
}

// A resource whose scope `read` is granted to any app added to `role` — a token request for it
// succeeds exactly when client authentication succeeds.
let resource;
let role;
before(async () => {
  resource = await createResource(srv);
  const scope = await createResourceScope(srv, resource.id, { name: 'read' });
  role = await createRole(srv, { type: 'MachineToMachine', scopeIds: [scope.id] });
});

async function m2mWithAccess() {
  const app = await createApp(srv);
  expectStatus(await srv.api('POST', `/roles/${role.id}/applications`, { applicationIds: [app.id] }), 201);
  return app;
}

async function addSecret(appId, body) {
  const res = await srv.api('POST', `/applications/${appId}/secrets`, body);
  expectStatus(res, 201);
  return res.json;
}

function tokenWith(clientId, clientSecret, auth = 'basic') {
  return srv.clientCredentials({ clientId, clientSecret, resource: resource.indicator, scope: 'read', auth });
}

for (const type of ['Traditional', 'SPA', 'Native', 'MachineToMachine']) {
  test(`POST /applications creates a ${type} application and returns it without a secret`, async () => {
    const body = {
      name: uniq(type),
      description: 'desc',
      type,
      oidcClientMetadata: { redirectUris: ['https://app.example.com/cb'], postLogoutRedirectUris: [] },
    };
    const res = await srv.api('POST', '/applications', body);
    expectStatus(res, 200);
    expectAppShape(res.json);
    assert.equal(res.json.name, body.name);
    assert.equal(res.json.description, 'desc');
    assert.equal(res.json.type, type);
    assert.equal(res.json.isThirdParty, false);
    assert.deepEqual(res.json.oidcClientMetadata.redirectUris, ['https://app.example.com/cb']);
    assert.deepEqual(res.json.oidcClientMetadata.postLogoutRedirectUris, []);
    assert.equal(typeof res.json.createdAt, 'number');
  });
}

test('POST /applications without oidcClientMetadata defaults to empty redirect URI lists', async () => {
  const app = await createApp(srv, { type: 'Traditional' });
  assert.deepEqual(app.oidcClientMetadata.redirectUris, []);
  assert.deepEqual(app.oidcClientMetadata.postLogoutRedirectUris, []);
});

test('POST /applications without a name answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/applications', { type: 'SPA' }), 400, 'guard.invalid_input');
});

test('POST /applications with an unknown type answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/applications', { name: 'x', type: 'Robot' }), 400, 'guard.invalid_input');
});

test('POST /applications with a 129-character name answers 400 guard.invalid_input', async () => {
  expectError(
    await srv.api('POST', '/applications', { name: 'a'.repeat(129), type: 'SPA' }),
    400,
    'guard.invalid_input',
  );
});

test('create, get and list return the same application shape key for key', async () => {
  const created = await createApp(srv, { type: 'Traditional', description: 'same shape' });
  const got = (await srv.api('GET', `/applications/${created.id}`)).json;
  const listed = (await list(srv, `/applications?q=${created.id}`)).find((a) => a.id === created.id);
  assert.ok(listed, 'created application missing from the list');
  assert.deepEqual(Object.keys(got).sort(), Object.keys(created).sort());
  assert.deepEqual(Object.keys(listed).sort(), Object.keys(created).sort());
  assert.deepEqual(got, created);
});

test('GET /applications/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(await srv.api('GET', '/applications/nosuchapp000000000000'), 404, 'entity.not_exists_with_id');
});

test('PATCH /applications/:id updates name, description and redirect URIs', async () => {
  const app = await createApp(srv, { type: 'Traditional' });
  const res = await srv.api('PATCH', `/applications/${app.id}`, {
    name: 'renamed',
    description: 'new description',
    oidcClientMetadata: { redirectUris: ['https://x.example.com/cb'], postLogoutRedirectUris: ['https://x.example.com'] },
  });
  expectStatus(res, 200);
  expectAppShape(res.json);
  const got = (await srv.api('GET', `/applications/${app.id}`)).json;
  assert.equal(got.name, 'renamed');
  assert.equal(got.description, 'new description');
  assert.deepEqual(got.oidcClientMetadata.redirectUris, ['https://x.example.com/cb']);
  assert.deepEqual(got.oidcClientMetadata.postLogoutRedirectUris, ['https://x.example.com']);
  assert.equal(got.type, 'Traditional');
});

test('PATCH /applications/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(await srv.api('PATCH', '/applications/nosuchapp000000000000', { name: 'x' }), 404, 'entity.not_exists_with_id');
});

test('DELETE /applications/:id answers 204, then 404 entity.not_exists_with_id on GET and 404 entity.not_found on DELETE', async () => {
  const app = await createApp(srv);
  expectStatus(await srv.api('DELETE', `/applications/${app.id}`), 204);
  expectError(await srv.api('GET', `/applications/${app.id}`), 404, 'entity.not_exists_with_id');
  expectError(await srv.api('DELETE', `/applications/${app.id}`), 404, 'entity.not_found');
});

test('GET /applications q matches id, name and description case-insensitively', async () => {
  const tag = uniq('aq');
  const byName = await createApp(srv, { name: `App ${tag.toUpperCase()}` });
  const byDesc = await createApp(srv, { name: 'plain', description: `about ${tag}` });
  await createApp(srv, { name: 'unrelated' });
  assert.deepEqual(sorted(ids(await list(srv, `/applications?q=${tag}`))), sorted([byName.id, byDesc.id]));
  assert.deepEqual(ids(await list(srv, `/applications?q=${byDesc.id}`)), [byDesc.id]);
});

test('GET /applications excludeOrganizationId leaves out the applications of that organization', async () => {
  const tag = uniq('ex');
  const inOrg = await createApp(srv, { name: `${tag}-in` });
  const outside = await createApp(srv, { name: `${tag}-out` });
  const org = await createOrg(srv);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/applications`, { applicationIds: [inOrg.id] }), 201);
  const res = await list(srv, `/applications?q=${tag}&excludeOrganizationId=${org.id}`);
  assert.deepEqual(ids(res), [outside.id]);
});

test('GET /applications/:id/organizations lists the organizations the application belongs to', async () => {
  const app = await createApp(srv);
  const a = await createOrg(srv);
  const b = await createOrg(srv);
  await createOrg(srv);
  for (const o of [a, b]) {
    expectStatus(await srv.api('POST', `/organizations/${o.id}/applications`, { applicationIds: [app.id] }), 201);
  }
  assert.deepEqual(sorted(ids(await list(srv, `/applications/${app.id}/organizations`))), sorted([a.id, b.id]));
});

// ---------------------------------------------------------------- secrets

test('POST /applications/:id/secrets answers 201 with the value shown once', async () => {
  const app = await m2mWithAccess();
  const res = await srv.api('POST', `/applications/${app.id}/secrets`, { name: 'ci' });
  expectStatus(res, 201);
  const s = res.json;
  assert.equal(s.applicationId, app.id);
  assert.equal(s.name, 'ci');
  assert.equal(typeof s.value, 'string');
  assert.ok(s.value.length >= 32, `secret too short for 256 bits: ${s.value.length} chars`);
  assert.equal(typeof s.createdAt, 'number');
  assert.equal(s.expiresAt, null);
});

test('GET /applications/:id/secrets lists secrets without their values', async () => {
  const app = await m2mWithAccess();
  const one = await addSecret(app.id, { name: 'one' });
  await addSecret(app.id, { name: 'two' });
  const res = await srv.api('GET', `/applications/${app.id}/secrets`);
  expectStatus(res, 200);
  assert.deepEqual(res.json.map((s) => s.name).sort(), ['one', 'two']);
  for (const s of res.json) {
    assert.ok(!('value' in s) || s.value === undefined, `secret value listed: ${JSON.stringify(s)}`);
    assert.equal(s.applicationId, app.id);
  }
  assert.ok(!res.text.includes(one.value), 'a secret value appears in the list');
});

test('a new secret authenticates the application at the token endpoint (Basic and post)', async () => {
  const app = await m2mWithAccess();
  const s = await addSecret(app.id, { name: 'k1' });
  const basic = await tokenWith(app.id, s.value, 'basic');
  expectStatus(basic, 200);
  assert.equal(typeof basic.json.access_token, 'string');
  expectStatus(await tokenWith(app.id, s.value, 'post'), 200);
});

test('a wrong secret answers 401 invalid_client with the OIDC error body', async () => {
  const app = await m2mWithAccess();
  await addSecret(app.id, { name: 'k1' });
  const res = await tokenWith(app.id, 'wrong-' + 'x'.repeat(40));
  assert.equal(res.status, 401, res.text);
  assert.equal(res.json.error, 'invalid_client');
  assert.equal(res.json.code, 'oidc.invalid_client');
  assert.equal(typeof res.json.error_description, 'string');
  assert.equal(res.json.message, res.json.error_description);
});

test('two secrets authenticate side by side, and deleting one stops only that one', async () => {
  const app = await m2mWithAccess();
  const old = await addSecret(app.id, { name: 'old' });
  const fresh = await addSecret(app.id, { name: 'new' });
  expectStatus(await tokenWith(app.id, old.value), 200);
  expectStatus(await tokenWith(app.id, fresh.value), 200);
  expectStatus(await srv.api('DELETE', `/applications/${app.id}/secrets/old`), 204);
  assert.equal((await tokenWith(app.id, old.value)).status, 401);
  expectStatus(await tokenWith(app.id, fresh.value), 200);
});

test('DELETE /applications/:id/secrets/:name of an unknown name answers 404', async () => {
  const app = await createApp(srv);
  const res = await srv.api('DELETE', `/applications/${app.id}/secrets/nope`);
  expectError(res, 404, 'entity.not_found');
});

test('PATCH /applications/:id/secrets/:name renames the secret, which keeps authenticating', async () => {
  const app = await m2mWithAccess();
  const s = await addSecret(app.id, { name: 'before' });
  const res = await srv.api('PATCH', `/applications/${app.id}/secrets/before`, { name: 'after' });
  expectStatus(res, 200);
  assert.equal(res.json.name, 'after');
  assert.ok(!('value' in res.json) || res.json.value === undefined, 'PATCH echoes the secret value');
  const names = (await srv.api('GET', `/applications/${app.id}/secrets`)).json.map((x) => x.name);
  assert.deepEqual(names, ['after']);
  expectStatus(await tokenWith(app.id, s.value), 200);
});

test('a second secret with the same name answers 422', async () => {
  const app = await createApp(srv);
  await addSecret(app.id, { name: 'dup' });
  const res = await srv.api('POST', `/applications/${app.id}/secrets`, { name: 'dup' });
  assert.equal(res.status, 422, res.text);
});

test('a secret whose expiresAt is in the past is refused with 400', async () => {
  const app = await createApp(srv);
  const res = await srv.api('POST', `/applications/${app.id}/secrets`, { name: 'past', expiresAt: Date.now() - 1000 });
  assert.equal(res.status, 400, res.text);
});

test('a secret stops authenticating once its expiresAt has passed', async () => {
  const app = await m2mWithAccess();
  const s = await addSecret(app.id, { name: 'short', expiresAt: Date.now() + 1500 });
  assert.equal(typeof s.expiresAt, 'number');
  expectStatus(await tokenWith(app.id, s.value), 200);
  await new Promise((r) => setTimeout(r, Math.max(0, s.expiresAt - Date.now()) + 300));
  const res = await tokenWith(app.id, s.value);
  assert.equal(res.status, 401, res.text);
  assert.equal(res.json.error, 'invalid_client');
});

test('the secret of a deleted application no longer authenticates', async () => {
  const app = await m2mWithAccess();
  const s = await addSecret(app.id, { name: 'k' });
  expectStatus(await srv.api('DELETE', `/applications/${app.id}`), 204);
  assert.equal((await tokenWith(app.id, s.value)).status, 401);
});

test('POST /applications/:id/secrets without a name answers 400 guard.invalid_input', async () => {
  const app = await createApp(srv);
  expectError(await srv.api('POST', `/applications/${app.id}/secrets`, {}), 400, 'guard.invalid_input');
});
