// Pagination (API.md "Conventions"): page / page_size, Total-Number and Link headers,
// invalid values → 400 guard.invalid_pagination, and [P?] endpoints that return everything
// when neither parameter is given.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import {
  addMembers,
  createApp,
  createOrg,
  createOrgRole,
  createOrgScope,
  createResource,
  createResourceScope,
  createUser,
  expectError,
  expectStatus,
  ids,
  sorted,
} from './lib/helpers.mjs';
import { parseLinks, uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const TOTAL = 45;
let tag;
let orgIds;
before(async () => {
  tag = uniq('pag');
  orgIds = [];
  for (let i = 0; i < TOTAL; i++) orgIds.push((await createOrg(srv, { name: `${tag}-${String(i).padStart(2, '0')}` })).id);
});

async function page(query) {
  const res = await srv.api('GET', `/organizations?q=${tag}&${query}`);
  expectStatus(res, 200);
  return { items: res.json, total: res.headers.get('total-number'), links: parseLinks(res.headers.get('link'), srv.endpoint) };
}

function pageOf(url) {
  return url ? Number(url.searchParams.get('page')) : undefined;
}

test('a middle page has page_size items, Total-Number, and Link rel first, prev, next and last', async () => {
  const { items, total, links } = await page('page=2&page_size=20');
  assert.equal(items.length, 20);
  assert.equal(total, String(TOTAL));
  assert.deepEqual(
    { first: pageOf(links.first), prev: pageOf(links.prev), next: pageOf(links.next), last: pageOf(links.last) },
    { first: 1, prev: 1, next: 3, last: 3 },
  );
});

test('Link URLs keep page_size and the other query parameters', async () => {
  const { links } = await page('page=2&page_size=20');
  for (const rel of ['first', 'prev', 'next', 'last']) {
    assert.equal(links[rel].searchParams.get('page_size'), '20', rel);
    assert.equal(links[rel].searchParams.get('q'), tag, rel);
    assert.match(links[rel].pathname, /\/api\/organizations$/, rel);
  }
});

test('following Link rel=next from the first page walks every item exactly once', async () => {
  const token = await srv.managementToken();
  let url = new URL(`/api/organizations?q=${tag}&page=1&page_size=10`, srv.endpoint);
  const seen = [];
  for (let guard = 0; url && guard < 10; guard++) {
    const res = await srv.request('GET', url.pathname + url.search, { headers: { authorization: `Bearer ${token}` } });
    expectStatus(res, 200);
    seen.push(...ids(res.json));
    url = parseLinks(res.headers.get('link'), srv.endpoint).next;
  }
  assert.deepEqual(sorted(seen), sorted(orgIds));
});

test('the first page has no Link rel=prev', async () => {
  const { items, links } = await page('page=1&page_size=20');
  assert.equal(items.length, 20);
  assert.equal(links.prev, undefined);
  assert.equal(pageOf(links.next), 2);
});

test('the last page holds the remainder and has no Link rel=next', async () => {
  const { items, total, links } = await page('page=3&page_size=20');
  assert.equal(items.length, TOTAL - 40);
  assert.equal(total, String(TOTAL));
  assert.equal(links.next, undefined);
  assert.equal(pageOf(links.prev), 2);
});

test('a page past the end is an empty list with the true Total-Number', async () => {
  const { items, total } = await page('page=9&page_size=20');
  assert.deepEqual(items, []);
  assert.equal(total, String(TOTAL));
});

test('pages are disjoint and together hold every item', async () => {
  const all = [];
  for (let p = 1; p <= 3; p++) all.push(...ids((await page(`page=${p}&page_size=20`)).items));
  assert.deepEqual(sorted(all), sorted(orgIds));
});

test('a paginated endpoint without page parameters returns the first 20 items and Total-Number', async () => {
  const res = await srv.api('GET', `/organizations?q=${tag}`);
  expectStatus(res, 200);
  assert.equal(res.json.length, 20);
  assert.equal(res.headers.get('total-number'), String(TOTAL));
});

test('page_size=100 is accepted and page_size=1 returns one item', async () => {
  assert.equal((await page('page_size=100')).items.length, TOTAL);
  assert.equal((await page('page_size=1')).items.length, 1);
});

test('an empty result has Total-Number 0', async () => {
  const res = await srv.api('GET', `/organizations?q=${uniq('nothing')}&page=1&page_size=20`);
  expectStatus(res, 200);
  assert.deepEqual(res.json, []);
  assert.equal(res.headers.get('total-number'), '0');
});

// ---------------------------------------------------------------- invalid values

const BAD_QUERIES = [
  'page_size=0', 'page_size=101', 'page_size=-1', 'page_size=abc',
  'page=0', 'page=-1', 'page=abc', 'page=1&page_size=1e9', 'page_size=99999999999999999999',
];

for (const endpoint of ['/organizations', '/users', '/applications', '/roles', '/organization-roles', '/organization-scopes', '/resources']) {
  test(`GET ${endpoint} with an invalid page or page_size answers 400 guard.invalid_pagination`, async () => {
    for (const q of BAD_QUERIES) {
      const res = await srv.api('GET', `${endpoint}?${q}`);
      assert.equal(res.status, 400, `${endpoint}?${q} -> ${res.status} ${res.text.slice(0, 200)}`);
      assert.equal(res.json?.code, 'guard.invalid_pagination', `${endpoint}?${q} -> ${res.text.slice(0, 200)}`);
    }
  });
}

test('GET /organizations/:id/users with page_size=101 answers 400 guard.invalid_pagination', async () => {
  const org = await createOrg(srv);
  expectError(await srv.api('GET', `/organizations/${org.id}/users?page_size=101`), 400, 'guard.invalid_pagination');
});

// ---------------------------------------------------------------- [P] defaults on nested lists

test('GET /organizations/:id/users without parameters returns 20 of 25 members with Total-Number 25', async () => {
  const org = await createOrg(srv);
  const us = [];
  for (let i = 0; i < 25; i++) us.push((await createUser(srv)).id);
  await addMembers(srv, org.id, us);
  const res = await srv.api('GET', `/organizations/${org.id}/users`);
  expectStatus(res, 200);
  assert.equal(res.json.length, 20);
  assert.equal(res.headers.get('total-number'), '25');
  const p2 = await srv.api('GET', `/organizations/${org.id}/users?page=2&page_size=20`);
  assert.deepEqual(sorted([...ids(res.json), ...ids(p2.json)]), sorted(us));
});

// ---------------------------------------------------------------- [P?] endpoints

const N = 25; // more than the default page size

async function expectAllUnpaginatedThenPaginated(path, expectedIds) {
  const all = await srv.api('GET', path);
  expectStatus(all, 200);
  assert.deepEqual(sorted(ids(all.json).filter((id) => expectedIds.includes(id))), sorted(expectedIds),
    `GET ${path} without page parameters did not return every item`);
  assert.ok(all.json.length >= N);
  const sep = path.includes('?') ? '&' : '?';
  const paged = await srv.api('GET', `${path}${sep}page=1&page_size=10`);
  expectStatus(paged, 200);
  assert.equal(paged.json.length, 10, `GET ${path} with page_size=10`);
  assert.match(paged.headers.get('total-number') ?? '', /^\d+$/, `GET ${path} paginated lacks Total-Number`);
  assert.ok(Number(paged.headers.get('total-number')) >= N);
}

test('GET /organization-scopes returns every match unpaginated when neither page parameter is given', async () => {
  const t = uniq('ps');
  const made = [];
  for (let i = 0; i < N; i++) made.push((await createOrgScope(srv, { name: `${t}-${i}` })).id);
  await expectAllUnpaginatedThenPaginated(`/organization-scopes?q=${t}`, made);
});

test('GET /resources returns every resource unpaginated when neither page parameter is given', async () => {
  const made = [];
  for (let i = 0; i < N; i++) made.push((await createResource(srv)).id);
  await expectAllUnpaginatedThenPaginated('/resources', made);
});

test('GET /resources/:id/scopes returns every scope unpaginated when neither page parameter is given', async () => {
  const r = await createResource(srv);
  const made = [];
  for (let i = 0; i < N; i++) made.push((await createResourceScope(srv, r.id)).id);
  await expectAllUnpaginatedThenPaginated(`/resources/${r.id}/scopes`, made);
});

test('GET /organization-roles/:id/scopes and /resource-scopes return everything unpaginated without page parameters', async () => {
  const scopes = [];
  for (let i = 0; i < N; i++) scopes.push((await createOrgScope(srv)).id);
  const r = await createResource(srv);
  const rscopes = [];
  for (let i = 0; i < N; i++) rscopes.push((await createResourceScope(srv, r.id)).id);
  const role = await createOrgRole(srv, { organizationScopeIds: scopes, resourceScopeIds: rscopes });
  await expectAllUnpaginatedThenPaginated(`/organization-roles/${role.id}/scopes`, scopes);
  await expectAllUnpaginatedThenPaginated(`/organization-roles/${role.id}/resource-scopes`, rscopes);
});

test('GET /organizations/:id/users/:userId/roles returns every role unpaginated without page parameters', async () => {
  const org = await createOrg(srv);
  const user = await createUser(srv);
  await addMembers(srv, org.id, [user.id]);
  const roles = [];
  for (let i = 0; i < N; i++) roles.push((await createOrgRole(srv)).id);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/users/${user.id}/roles`, { organizationRoleIds: roles }), 201);
  await expectAllUnpaginatedThenPaginated(`/organizations/${org.id}/users/${user.id}/roles`, roles);
});

test('GET /organizations/:id/applications/:appId/roles returns every role unpaginated without page parameters', async () => {
  const org = await createOrg(srv);
  const app = await createApp(srv);
  expectStatus(await srv.api('POST', `/organizations/${org.id}/applications`, { applicationIds: [app.id] }), 201);
  const roles = [];
  for (let i = 0; i < N; i++) roles.push((await createOrgRole(srv, { type: 'MachineToMachine' })).id);
  expectStatus(
    await srv.api('POST', `/organizations/${org.id}/applications/${app.id}/roles`, { organizationRoleIds: roles }),
    201,
  );
  await expectAllUnpaginatedThenPaginated(`/organizations/${org.id}/applications/${app.id}/roles`, roles);
});

test('GET /applications/:id/organizations returns every organization unpaginated without page parameters', async () => {
  const app = await createApp(srv);
  const orgs = [];
  for (let i = 0; i < N; i++) {
    const o = await createOrg(srv);
    expectStatus(await srv.api('POST', `/organizations/${o.id}/applications`, { applicationIds: [app.id] }), 201);
    orgs.push(o.id);
  }
  await expectAllUnpaginatedThenPaginated(`/applications/${app.id}/organizations`, orgs);
});
