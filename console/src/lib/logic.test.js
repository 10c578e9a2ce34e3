import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeApiError } from './errors.js';
import { impactLines, whoText } from './impact.js';
import { listQuery, pageAfterDelete, pageCount, rangeText } from './paging.js';
import { innerPath, matchPath } from './router.js';

test('pageCount is at least one page and rounds up', () => {
  assert.equal(pageCount(0, 20), 1);
  assert.equal(pageCount(20, 20), 1);
  assert.equal(pageCount(21, 20), 2);
  assert.equal(pageCount(1_000_000, 20), 50_000);
});

test('rangeText names the rows shown and the total', () => {
  assert.equal(rangeText(1, 20, 0), 'No results');
  assert.equal(rangeText(2, 20, 1_000_000), '21–40 of 1,000,000');
  assert.equal(rangeText(3, 20, 45), '41–45 of 45');
});

test('pageAfterDelete steps back when the last row of the last page goes', () => {
  assert.equal(pageAfterDelete(3, 20, 41), 2);
  assert.equal(pageAfterDelete(3, 20, 42), 3);
  assert.equal(pageAfterDelete(1, 20, 1), 1);
});

test('listQuery trims the search and drops empty filters', () => {
  assert.equal(listQuery({ page: 2, pageSize: 50, q: '  acme ', type: '' }), 'page=2&page_size=50&q=acme');
  assert.equal(listQuery({ q: '   ' }), 'page=1&page_size=20');
});

test('matchPath reads parameters and optional segments', () => {
  assert.deepEqual(matchPath('/organizations/:id/:tab?', '/organizations/abc'), { id: 'abc' });
  assert.deepEqual(matchPath('/organizations/:id/:tab?', '/organizations/abc/members'), { id: 'abc', tab: 'members' });
  assert.equal(matchPath('/organizations/:id', '/users/abc'), null);
  assert.equal(matchPath('/users', '/users/x'), null);
  assert.equal(innerPath('/console'), '/');
  assert.equal(innerPath('/console/users'), '/users');
});

test('describeApiError prefers the server message and explains 403', () => {
  assert.equal(describeApiError(422, { code: 'x', message: 'Name taken' }), 'Name taken.');
  assert.match(describeApiError(422, { code: 'entity.unique_integrity_violation', message: 'The value is already in use.' }), /already taken/);
  assert.match(describeApiError(403, { code: 'auth.forbidden', message: 'Forbidden' }), /does not hold/);
  assert.equal(describeApiError(404, undefined), 'Not found: it may have been deleted.');
  assert.match(describeApiError(500, {}), /server failed/);
});

test('impactLines lists gains before losses with who is concerned', () => {
  const { summary, lines } = impactLines({
    affectedOrganizations: 2, affectedUsers: 3, affectedApplications: 0,
    gains: [{ scope: { name: 'read' }, users: 3, organizations: 2, applications: 0 }],
    losses: [{ scope: { name: 'write' }, users: 1, organizations: 1, applications: 1 }],
  });
  assert.equal(summary, 'Affects 3 members across 2 organizations.');
  assert.deepEqual(lines.map((l) => [l.kind, l.scope]), [['gain', 'read'], ['loss', 'write']]);
  assert.equal(lines[1].text, '1 member in 1 organization, 1 application');
  assert.equal(whoText({}), 'nobody today');
});

import { explainReason, listText } from './explain.js';

test('explainReason says who grants a permission or who could', () => {
  assert.equal(listText(['a', 'b', 'c']), 'a, b and c');
  assert.equal(explainReason({ granted: true, grantedBy: [{ name: 'admin' }] }), 'Given by the role admin.');
  assert.equal(
    explainReason({ granted: false, grantedBy: [], grantableBy: [{ name: 'admin' }, { name: 'owner' }] }),
    'None of their roles grants it; the roles admin and owner would.',
  );
  assert.equal(explainReason({ granted: false, grantedBy: [], grantableBy: [] }), 'No role of the template grants it.');
});

import { roleScopeChanges } from './template.js';

test('roleScopeChanges previews additions and removals separately, and nothing when equal', () => {
  const c = roleScopeChanges('r', ['a', 'b'], ['b', 'c']);
  assert.deepEqual(c.added, ['c']);
  assert.deepEqual(c.removed, ['a']);
  assert.deepEqual(c.previews, [
    { change: 'addRoleScopes', organizationRoleId: 'r', organizationScopeIds: ['c'] },
    { change: 'removeRoleScopes', organizationRoleId: 'r', organizationScopeIds: ['a'] },
  ]);
  assert.deepEqual(roleScopeChanges('r', ['a'], ['a']).previews, []);
});
