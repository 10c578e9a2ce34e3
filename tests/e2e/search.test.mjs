// `q` search (API.md "Conventions"): a case-insensitive substring match in which the
// characters that are wildcards to SQL LIKE (`%`, `_`) and quotes are plain characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createOrg, createUser, expectStatus, ids, list, sorted } from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const q = (s) => encodeURIComponent(s);

test('q matches a substring in the middle of a name', async () => {
  const tag = uniq('mid');
  const o = await createOrg(srv, { name: `before ${tag} after` });
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q(tag.slice(2, 8))}`)).filter((id) => id === o.id), [o.id]);
});

test('q ignores ASCII case in both directions', async () => {
  const tag = uniq('Case');
  const o = await createOrg(srv, { name: `MiXeD ${tag}` });
  for (const variant of [tag.toUpperCase(), tag.toLowerCase(), `mixed ${tag}`]) {
    assert.deepEqual(ids(await list(srv, `/organizations?q=${q(variant)}`)), [o.id], variant);
  }
});

test('q ignores case for non-ASCII letters too', async () => {
  const tag = uniq('u');
  const o = await createOrg(srv, { name: `École ${tag} Ünïcödé` });
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q(`ÉCOLE ${tag.toUpperCase()} ÜNÏCÖDÉ`)}`)), [o.id]);
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q(`école ${tag}`)}`)), [o.id]);
});

test('q treats % as a literal character, not a wildcard', async () => {
  const tag = uniq('pct');
  const hit = await createOrg(srv, { name: `${tag} 100% sure` });
  await createOrg(srv, { name: `${tag} 1000 sure` });
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q('0% s')}`)), [hit.id]);
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q(`${tag} 100%`)}`)), [hit.id]);
  const everything = await list(srv, `/organizations?q=${q('%')}`);
  assert.deepEqual(ids(everything).filter((id) => id !== hit.id), [], 'q=% matched names without %');
});

test('q treats _ as a literal character, not a single-character wildcard', async () => {
  const tag = uniq('usc');
  const hit = await createOrg(srv, { name: `${tag} a_b` });
  await createOrg(srv, { name: `${tag} axb` });
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q(`${tag} a_b`)}`)), [hit.id]);
});

test('q treats a backslash as a literal character', async () => {
  const tag = uniq('bs');
  const hit = await createOrg(srv, { name: `${tag} C:\\path` });
  await createOrg(srv, { name: `${tag} C:path` });
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q('C:\\p')}`)), [hit.id]);
});

test('q containing quotes and SQL finds the literal text and nothing else', async () => {
  const evil = "x'; DROP TABLE organizations; --";
  const hit = await createOrg(srv, { name: `${uniq('sql')} ${evil}` });
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q(evil)}`)), [hit.id]);
  assert.deepEqual(ids(await list(srv, `/organizations?q=${q("' OR '1'='1")}`)), []);
  expectStatus(await srv.api('GET', '/organizations?page=1&page_size=1'), 200);
});

test('an empty q matches everything', async () => {
  const a = await createOrg(srv);
  const res = await srv.api('GET', '/organizations?q=&page=1&page_size=100');
  expectStatus(res, 200);
  assert.ok(ids(res.json).includes(a.id) || Number(res.headers.get('total-number')) > 100);
});

test('q over users matches the email domain part and is combined with pagination counts', async () => {
  const domain = `${uniq('dom').replace(/-/g, '')}.example.org`;
  const made = [];
  for (let i = 0; i < 3; i++) made.push(await createUser(srv, { primaryEmail: `p${i}@${domain}` }));
  await createUser(srv, { primaryEmail: `p9@other-${domain.replace('.', '-')}.net` });
  const res = await srv.api('GET', `/users?q=${q('@' + domain)}&page=1&page_size=2`);
  expectStatus(res, 200);
  assert.equal(res.json.length, 2);
  assert.equal(res.headers.get('total-number'), '3');
  const all = await list(srv, `/users?q=${q('@' + domain)}`);
  assert.deepEqual(sorted(ids(all)), sorted(ids(made)));
});
