// GET /api/status and GET /api/swagger.json (API.md "Management API"): the OpenAPI document
// is valid OpenAPI 3, documents every endpoint of API.md, and every documented operation
// really routes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectStatus } from './lib/helpers.mjs';
import { useServer } from './lib/server.mjs';

const srv = await useServer();

// Every Management API operation API.md names (path parameters written as {}), plus the
// Console's two read-only insight endpoints (doc/console.md "Server side").
const SPEC_OPERATIONS = `
GET /users
POST /users
GET /users/{}
PATCH /users/{}
DELETE /users/{}
PATCH /users/{}/password
GET /users/{}/organizations
GET /applications
POST /applications
GET /applications/{}
PATCH /applications/{}
DELETE /applications/{}
GET /applications/{}/secrets
POST /applications/{}/secrets
PATCH /applications/{}/secrets/{}
DELETE /applications/{}/secrets/{}
GET /applications/{}/organizations
GET /resources
POST /resources
GET /resources/{}
PATCH /resources/{}
DELETE /resources/{}
GET /resources/{}/scopes
POST /resources/{}/scopes
PATCH /resources/{}/scopes/{}
DELETE /resources/{}/scopes/{}
GET /roles
POST /roles
GET /roles/{}
PATCH /roles/{}
DELETE /roles/{}
GET /roles/{}/scopes
POST /roles/{}/scopes
DELETE /roles/{}/scopes/{}
GET /roles/{}/users
POST /roles/{}/users
DELETE /roles/{}/users/{}
GET /roles/{}/applications
POST /roles/{}/applications
DELETE /roles/{}/applications/{}
GET /organization-scopes
POST /organization-scopes
GET /organization-scopes/{}
PATCH /organization-scopes/{}
DELETE /organization-scopes/{}
GET /organization-roles
POST /organization-roles
GET /organization-roles/{}
PATCH /organization-roles/{}
DELETE /organization-roles/{}
GET /organization-roles/{}/scopes
POST /organization-roles/{}/scopes
PUT /organization-roles/{}/scopes
DELETE /organization-roles/{}/scopes/{}
GET /organization-roles/{}/resource-scopes
POST /organization-roles/{}/resource-scopes
PUT /organization-roles/{}/resource-scopes
DELETE /organization-roles/{}/resource-scopes/{}
GET /organizations
POST /organizations
GET /organizations/{}
PATCH /organizations/{}
DELETE /organizations/{}
GET /organizations/{}/users
POST /organizations/{}/users
PUT /organizations/{}/users
DELETE /organizations/{}/users/{}
POST /organizations/{}/users/roles
GET /organizations/{}/users/{}/roles
POST /organizations/{}/users/{}/roles
PUT /organizations/{}/users/{}/roles
DELETE /organizations/{}/users/{}/roles/{}
GET /organizations/{}/users/{}/scopes
GET /organizations/{}/applications
POST /organizations/{}/applications
PUT /organizations/{}/applications
DELETE /organizations/{}/applications/{}
POST /organizations/{}/applications/roles
GET /organizations/{}/applications/{}/roles
POST /organizations/{}/applications/{}/roles
PUT /organizations/{}/applications/{}/roles
DELETE /organizations/{}/applications/{}/roles/{}
GET /organizations/{}/users/{}/explain
POST /organization-template/impact-preview
`
  .trim()
  .split('\n');

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

async function swagger() {
  const res = await srv.request('GET', '/api/swagger.json');
  expectStatus(res, 200);
  assert.ok(res.json, `swagger.json is not JSON: ${res.headers.get('content-type')}`);
  return res.json;
}

// Swagger paths may or may not carry the /api prefix (Logto's do); normalise to "/users/{}".
function normalise(p) {
  return p.replace(/^\/api(?=\/)/, '').replace(/\{[^}]*\}/g, '{}');
}

function documentedOperations(doc) {
  const ops = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const m of HTTP_METHODS) if (item[m]) ops.push({ method: m.toUpperCase(), path: p, op: item[m] });
  }
  return ops;
}

test('GET /api/status answers 204 without authentication', async () => {
  const res = await srv.request('GET', '/api/status');
  assert.equal(res.status, 204);
  assert.equal(res.text, '');
});

test('GET /api/swagger.json needs no authentication and is an OpenAPI 3 document', async () => {
  const doc = await swagger();
  assert.match(String(doc.openapi), /^3\.\d+\.\d+$/, `openapi field: ${doc.openapi}`);
  assert.equal(typeof doc.info?.title, 'string');
  assert.equal(typeof doc.info?.version, 'string');
  assert.equal(typeof doc.paths, 'object');
  assert.ok(Object.keys(doc.paths).length > 0, 'no paths');
});

test('every operation in swagger.json has responses and declares its path parameters', async () => {
  const doc = await swagger();
  const problems = [];
  for (const { method, path, op } of documentedOperations(doc)) {
    if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${method} ${path}: no responses`);
    const declared = new Set(
      [...(doc.paths[path].parameters ?? []), ...(op.parameters ?? [])]
        .map((prm) => (prm.$ref ? resolveRef(doc, prm.$ref) : prm))
        .filter((prm) => prm?.in === 'path')
        .map((prm) => prm.name),
    );
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
      if (!declared.has(name)) problems.push(`${method} ${path}: path parameter {${name}} not declared`);
    }
  }
  assert.deepEqual(problems, []);
});

function resolveRef(doc, ref) {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

test('every $ref in swagger.json resolves inside the document', async () => {
  const doc = await swagger();
  const missing = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && resolveRef(doc, v) === undefined) missing.push(v);
        else walk(v);
      }
    }
  };
  walk(doc);
  assert.deepEqual(missing, []);
});

test('swagger.json documents every Management API endpoint of API.md', async () => {
  const doc = await swagger();
  const documented = new Set(documentedOperations(doc).map(({ method, path }) => `${method} ${normalise(path)}`));
  const missing = SPEC_OPERATIONS.filter((op) => !documented.has(op));
  assert.deepEqual(missing, []);
});

test('every operation documented in swagger.json is routed (none answers like an unknown route)', async () => {
  const doc = await swagger();
  const token = await srv.managementToken();
  const unknown = await srv.api('GET', '/no-such-route-' + Date.now(), undefined, { token });
  assert.equal(unknown.status, 404, `an unknown route answered ${unknown.status}`);
  const unknownDelete = await srv.api('DELETE', '/no-such-route-' + Date.now() + '/x', undefined, { token });

  const unrouted = [];
  for (const { method, path } of documentedOperations(doc)) {
    // Paths outside /api (if any are documented) are called as they are.
    const full = /^\/(api|oidc|\.well-known)(\/|$)/.test(path) ? path : '/api' + path;
    const concrete = full.replace(/\{[^}]*\}/g, 'doesnotexist00000000x');
    const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined;
    const res = await srv.request(method, concrete, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const looksUnknown = (u) => res.status === u.status && res.text === u.text;
    if (looksUnknown(unknown) || looksUnknown(unknownDelete) || res.status === 405 || res.status === 501) {
      unrouted.push(`${method} ${path} -> ${res.status} ${res.text.slice(0, 100)}`);
    }
    assert.equal(await srv.statusCode(), 204);
  }
  assert.deepEqual(unrouted, []);
});
