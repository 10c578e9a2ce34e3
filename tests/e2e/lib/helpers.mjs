// Assertions and fixtures shared by the e2e test files. Fixtures assert their own success so
// that a test fails at the step that broke, with the server's answer in the message.

import assert from 'node:assert/strict';

import { uniq } from './server.mjs';

function describe(res) {
  return `${res.status} ${res.text?.slice(0, 500) ?? ''}`;
}

/** Asserts the HTTP status, printing the body when it differs. */
export function expectStatus(res, status) {
  assert.equal(res.status, status, `expected HTTP ${status}, got ${describe(res)}`);
  return res;
}

/** Asserts a Management API error: status, `code`, and a string `message`. */
export function expectError(res, status, code) {
  assert.equal(res.status, status, `expected HTTP ${status} ${code}, got ${describe(res)}`);
  assert.equal(typeof res.json, 'object', `expected a JSON error body, got ${describe(res)}`);
  assert.equal(res.json.code, code, `expected error code ${code}, got ${describe(res)}`);
  assert.equal(typeof res.json.message, 'string', `error body lacks a message: ${describe(res)}`);
  return res;
}

/** Asserts a 4xx that is not a server error (for inputs whose exact code the spec leaves open). */
export function expectClientError(res) {
  assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx, got ${describe(res)}`);
  return res;
}

/** Asserts `value` is an API id: lowercase alphanumerics of the given length. */
export function expectId(value, length = 21) {
  assert.match(String(value), new RegExp(`^[a-z0-9]{${length}}$`), `not a ${length}-char id: ${value}`);
}

export const ids = (items) => items.map((x) => x.id);
export const sorted = (arr) => [...arr].sort();

// ---------------------------------------------------------------- fixtures

export async function createUser(srv, body = {}) {
  const res = await srv.api('POST', '/users', { username: uniq('user').replace(/-/g, '_'), ...body });
  expectStatus(res, 200);
  return res.json;
}

export async function createOrg(srv, body = {}) {
  const res = await srv.api('POST', '/organizations', { name: uniq('org'), ...body });
  expectStatus(res, 201);
  return res.json;
}

export async function createOrgScope(srv, body = {}) {
  const res = await srv.api('POST', '/organization-scopes', { name: uniq('scope'), ...body });
  expectStatus(res, 201);
  return res.json;
}

export async function createOrgRole(srv, body = {}) {
  const res = await srv.api('POST', '/organization-roles', { name: uniq('role'), ...body });
  expectStatus(res, 201);
  return res.json;
}

export async function createApp(srv, body = {}) {
  const res = await srv.api('POST', '/applications', { name: uniq('app'), type: 'MachineToMachine', ...body });
  expectStatus(res, 200);
  return res.json;
}

/** An application with one fresh secret: {app, secret}. */
export async function createAppWithSecret(srv, body = {}) {
  const app = await createApp(srv, body);
  const res = await srv.api('POST', `/applications/${app.id}/secrets`, { name: 'main' });
  expectStatus(res, 201);
  return { app, secret: res.json.value };
}

export async function createResource(srv, body = {}) {
  const name = uniq('res');
  const res = await srv.api('POST', '/resources', { name, indicator: `https://${name}.example.com/api`, ...body });
  expectStatus(res, 201);
  return res.json;
}

export async function createResourceScope(srv, resourceId, body = {}) {
  const res = await srv.api('POST', `/resources/${resourceId}/scopes`, { name: uniq('rs'), ...body });
  expectStatus(res, 201);
  return res.json;
}

export async function createRole(srv, body = {}) {
  const res = await srv.api('POST', '/roles', { name: uniq('grole'), description: 'test role', ...body });
  expectStatus(res, 200);
  return res.json;
}

export async function addMembers(srv, orgId, userIds) {
  expectStatus(await srv.api('POST', `/organizations/${orgId}/users`, { userIds }), 201);
}

export async function addMemberRoles(srv, orgId, userId, organizationRoleIds) {
  expectStatus(await srv.api('POST', `/organizations/${orgId}/users/${userId}/roles`, { organizationRoleIds }), 201);
}

/** GET a list and assert 200; returns the array. */
export async function list(srv, path) {
  const res = await srv.api('GET', path);
  expectStatus(res, 200);
  assert.ok(Array.isArray(res.json), `GET ${path} did not return an array: ${res.text.slice(0, 200)}`);
  return res.json;
}

/** Decodes a JWT payload without verifying it. */
export function jwtPayload(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
