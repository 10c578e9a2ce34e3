// /api/organizations (API.md "Organizations").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  addMembers,
  createOrg,
  createUser,
  expectError,
  expectId,
  expectStatus,
  ids,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const MISSING_ORG = 'nosuchorg000';

test('POST /organizations with only a name answers 201 with the documented defaults', async () => {
  const name = uniq('Acme');
  const res = await srv.api('POST', '/organizations', { name });
  expectStatus(res, 201);
  const o = res.json;
  expectId(o.id, 12);
  assert.equal(o.tenantId, 'default');
  assert.equal(o.name, name);
  assert.equal(o.description, null);
  assert.deepEqual(o.customData, {});
  assert.equal(o.isMfaRequired, false);
  assert.deepEqual(o.color, {});
  assert.deepEqual(o.branding, {});
  assert.equal(o.customCss, null);
  assert.equal(typeof o.createdAt, 'number');
  assert.ok(Math.abs(o.createdAt - Date.now()) < 60_000, `createdAt is not epoch ms: ${o.createdAt}`);
});

test('POST /organizations stores every optional field', async () => {
  const body = {
    name: uniq('Full'),
    description: 'A full organization',
    customData: { tier: 'gold', seats: 10, nested: { a: [1, 2] } },
    isMfaRequired: true,
    color: { primaryColor: '#112233', isDarkModeEnabled: true, darkPrimaryColor: '#aabbcc' },
    branding: { logoUrl: 'https://example.com/logo.png', darkLogoUrl: 'https://example.com/dark.png' },
    customCss: 'body { color: red; }',
  };
  const res = await srv.api('POST', '/organizations', body);
  expectStatus(res, 201);
  for (const [k, v] of Object.entries(body)) assert.deepEqual(res.json[k], v, `field ${k}`);
  const got = (await srv.api('GET', `/organizations/${res.json.id}`)).json;
  for (const [k, v] of Object.entries(body)) assert.deepEqual(got[k], v, `field ${k} after GET`);
});

test('organization names need not be unique', async () => {
  const name = uniq('Same');
  const a = await createOrg(srv, { name });
  const b = await createOrg(srv, { name });
  assert.notEqual(a.id, b.id);
});

test('create, get, list and update return the same organization shape key for key', async () => {
  const created = await createOrg(srv, { description: 'shape' });
  const got = (await srv.api('GET', `/organizations/${created.id}`)).json;
  const listed = (await list(srv, `/organizations?q=${created.id}`)).find((o) => o.id === created.id);
  const patched = (await srv.api('PATCH', `/organizations/${created.id}`, { description: 'shape2' })).json;
  const keys = Object.keys(created).sort();
  assert.deepEqual(Object.keys(got).sort(), keys, 'GET');
  assert.deepEqual(Object.keys(listed).sort(), keys, 'list');
  assert.deepEqual(Object.keys(patched).sort(), keys, 'PATCH');
  assert.deepEqual(got, created);
});

test('POST /organizations without a name answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/organizations', { description: 'x' }), 400, 'guard.invalid_input');
});

test('POST /organizations with an empty name answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/organizations', { name: '' }), 400, 'guard.invalid_input');
});

for (const [label, customData] of [['an array', [1]], ['a string', 'x'], ['null', null], ['a number', 3]]) {
  test(`POST /organizations with customData that is ${label} answers 400 guard.invalid_input`, async () => {
    expectError(await srv.api('POST', '/organizations', { name: 'x', customData }), 400, 'guard.invalid_input');
  });
}

test('POST /organizations with a colour that is not a hex colour answers 400 guard.invalid_input', async () => {
  expectError(
    await srv.api('POST', '/organizations', { name: 'x', color: { primaryColor: 'red' } }),
    400,
    'guard.invalid_input',
  );
});

test('POST /organizations with a branding logo that is not a URL answers 400 guard.invalid_input', async () => {
  expectError(
    await srv.api('POST', '/organizations', { name: 'x', branding: { logoUrl: 'not a url' } }),
    400,
    'guard.invalid_input',
  );
});

test('POST /organizations with isMfaRequired that is not a boolean answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/organizations', { name: 'x', isMfaRequired: 'yes' }), 400, 'guard.invalid_input');
});

test('POST /organizations with a 129-character name answers 400; 128 characters are accepted', async () => {
  expectError(await srv.api('POST', '/organizations', { name: 'o'.repeat(129) }), 400, 'guard.invalid_input');
  expectStatus(await srv.api('POST', '/organizations', { name: 'o'.repeat(128) }), 201);
});

test('POST /organizations ignores unknown fields', async () => {
  const res = await srv.api('POST', '/organizations', { name: uniq('x'), favouriteColour: 'blue', id: 'chosenbyme12' });
  expectStatus(res, 201);
  assert.ok(!('favouriteColour' in res.json));
  assert.notEqual(res.json.id, 'chosenbyme12');
});

test('GET /organizations/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(await srv.api('GET', `/organizations/${MISSING_ORG}`), 404, 'entity.not_exists_with_id');
});

test('PATCH /organizations/:id updates the given fields and leaves the others', async () => {
  const o = await createOrg(srv, { description: 'keep me', isMfaRequired: true });
  const res = await srv.api('PATCH', `/organizations/${o.id}`, { name: 'Renamed' });
  expectStatus(res, 200);
  assert.equal(res.json.name, 'Renamed');
  assert.equal(res.json.description, 'keep me');
  assert.equal(res.json.isMfaRequired, true);
});

test('PATCH /organizations/:id replaces customData whole', async () => {
  const o = await createOrg(srv, { customData: { a: 1, b: { c: 2 } } });
  const res = await srv.api('PATCH', `/organizations/${o.id}`, { customData: { b: { d: 3 } } });
  expectStatus(res, 200);
  assert.deepEqual(res.json.customData, { b: { d: 3 } });
  assert.deepEqual((await srv.api('GET', `/organizations/${o.id}`)).json.customData, { b: { d: 3 } });
});

test('PATCH /organizations/:id can clear the description with null', async () => {
  const o = await createOrg(srv, { description: 'temporary' });
  const res = await srv.api('PATCH', `/organizations/${o.id}`, { description: null });
  expectStatus(res, 200);
  assert.equal(res.json.description, null);
});

test('PATCH /organizations/:id with customData that is not an object answers 400 and changes nothing', async () => {
  const o = await createOrg(srv, { customData: { a: 1 } });
  expectError(await srv.api('PATCH', `/organizations/${o.id}`, { customData: [1] }), 400, 'guard.invalid_input');
  assert.deepEqual((await srv.api('GET', `/organizations/${o.id}`)).json.customData, { a: 1 });
});

test('PATCH /organizations/:id of an unknown id answers 404 entity.not_exists_with_id', async () => {
  expectError(await srv.api('PATCH', `/organizations/${MISSING_ORG}`, { name: 'x' }), 404, 'entity.not_exists_with_id');
});

test('DELETE /organizations/:id answers 204, then 404 entity.not_exists_with_id on GET and entity.not_found on DELETE', async () => {
  const o = await createOrg(srv);
  expectStatus(await srv.api('DELETE', `/organizations/${o.id}`), 204);
  expectError(await srv.api('GET', `/organizations/${o.id}`), 404, 'entity.not_exists_with_id');
  expectError(await srv.api('DELETE', `/organizations/${o.id}`), 404, 'entity.not_found');
});

test('deleting an organization removes it from its members\' organization lists', async () => {
  const o = await createOrg(srv);
  const u = await createUser(srv);
  await addMembers(srv, o.id, [u.id]);
  expectStatus(await srv.api('DELETE', `/organizations/${o.id}`), 204);
  assert.deepEqual(await list(srv, `/users/${u.id}/organizations`), []);
});

test('GET /organizations q matches id and name case-insensitively, not the description', async () => {
  const tag = uniq('oq');
  const byName = await createOrg(srv, { name: `Team ${tag.toUpperCase()}` });
  await createOrg(srv, { name: 'other', description: tag });
  assert.deepEqual(ids(await list(srv, `/organizations?q=${tag}`)), [byName.id]);
  assert.deepEqual(ids(await list(srv, `/organizations?q=${byName.id}`)), [byName.id]);
});

test('GET /organizations?showFeatured=true adds usersCount and up to 3 featuredUsers', async () => {
  const tag = uniq('feat');
  const o = await createOrg(srv, { name: tag });
  const users = [];
  for (let i = 0; i < 4; i++) users.push(await createUser(srv, { name: `F${i}`, avatar: `https://example.com/${i}.png` }));
  await addMembers(srv, o.id, ids(users));
  const empty = await createOrg(srv, { name: `${tag}-empty` });

  for (const flag of ['true', '1']) {
    const res = await list(srv, `/organizations?q=${tag}&showFeatured=${flag}`);
    const item = res.find((x) => x.id === o.id);
    assert.equal(item.usersCount, 4);
    assert.equal(item.featuredUsers.length, 3);
    for (const f of item.featuredUsers) {
      assert.ok(ids(users).includes(f.id));
      assert.deepEqual(Object.keys(f).sort(), ['avatar', 'id', 'name']);
    }
    const none = res.find((x) => x.id === empty.id);
    assert.equal(none.usersCount, 0);
    assert.deepEqual(none.featuredUsers, []);
  }
  const plain = (await list(srv, `/organizations?q=${tag}`)).find((x) => x.id === o.id);
  assert.ok(!('usersCount' in plain), 'usersCount present without showFeatured');
});

test('paging through GET /organizations visits every organization exactly once', async () => {
  const tag = uniq('pg');
  const made = [];
  for (let i = 0; i < 5; i++) made.push((await createOrg(srv, { name: `${tag}-${i}` })).id);
  const pages = [];
  for (let p = 1; p <= 3; p++) pages.push(...ids(await list(srv, `/organizations?q=${tag}&page=${p}&page_size=2`)));
  assert.deepEqual(sorted(pages), sorted(made), 'pages overlap or miss organizations');
});
