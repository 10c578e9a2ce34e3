// Machine-to-machine applications in organizations: /api/organizations/:id/applications
// (API.md "Organizations" → M2M apps).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createApp,
  createOrg,
  createOrgRole,
  expectError,
  expectStatus,
  ids,
  list,
  sorted,
} from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

const appsPath = (org) => `/organizations/${org.id}/applications`;
const appRolesPath = (org, app) => `/organizations/${org.id}/applications/${app.id}/roles`;
const appIdsIn = async (org) => sorted(ids(await list(srv, appsPath(org))));
const roleIdsOf = async (org, app) => sorted(ids(await list(srv, appRolesPath(org, app))));

async function addApps(org, applicationIds) {
  expectStatus(await srv.api('POST', appsPath(org), { applicationIds }), 201);
}

async function appInNewOrg() {
  const org = await createOrg(srv);
  const app = await createApp(srv);
  await addApps(org, [app.id]);
  return { org, app };
}

test('POST /organizations/:id/applications adds M2M applications (201)', async () => {
  const org = await createOrg(srv);
  const [a, b] = [await createApp(srv), await createApp(srv)];
  const res = await srv.api('POST', appsPath(org), { applicationIds: [a.id, b.id] });
  expectStatus(res, 201);
  assert.deepEqual(await appIdsIn(org), sorted([a.id, b.id]));
});

test('POST /organizations/:id/applications is idempotent', async () => {
  const org = await createOrg(srv);
  const a = await createApp(srv);
  await addApps(org, [a.id]);
  await addApps(org, [a.id, a.id]);
  assert.deepEqual(await appIdsIn(org), [a.id]);
});

for (const type of ['Traditional', 'SPA', 'Native']) {
  test(`POST /organizations/:id/applications with a ${type} application answers 422 and adds nothing`, async () => {
    const org = await createOrg(srv);
    const m2m = await createApp(srv);
    const other = await createApp(srv, { type });
    const res = await srv.api('POST', appsPath(org), { applicationIds: [m2m.id, other.id] });
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(await appIdsIn(org), []);
  });
}

test('POST /organizations/:id/applications with an unknown application answers 422 entity.relation_foreign_key_not_found', async () => {
  const org = await createOrg(srv);
  expectError(
    await srv.api('POST', appsPath(org), { applicationIds: ['nosuchapp000000000000'] }),
    422,
    'entity.relation_foreign_key_not_found',
  );
});

test('GET /organizations/:id/applications items carry their organizationRoles', async () => {
  const { org, app } = await appInNewOrg();
  const role = await createOrgRole(srv, { type: 'MachineToMachine' });
  expectStatus(await srv.api('POST', appRolesPath(org, app), { organizationRoleIds: [role.id] }), 201);
  const [item] = await list(srv, appsPath(org));
  assert.equal(item.id, app.id);
  assert.equal(item.name, app.name);
  assert.equal(item.type, 'MachineToMachine');
  assert.deepEqual(item.organizationRoles, [{ id: role.id, name: role.name }]);
  assert.ok(!Object.keys(item).some((k) => /secret/i.test(k)), 'secret listed');
});

test('GET /organizations/:id/applications q matches id, name and description', async () => {
  const org = await createOrg(srv);
  const tag = uniq('oa');
  const byName = await createApp(srv, { name: `${tag} bot` });
  const byDesc = await createApp(srv, { description: `does ${tag.toUpperCase()}` });
  const other = await createApp(srv);
  await addApps(org, [byName.id, byDesc.id, other.id]);
  assert.deepEqual(sorted(ids(await list(srv, `${appsPath(org)}?q=${tag}`))), sorted([byName.id, byDesc.id]));
  assert.deepEqual(ids(await list(srv, `${appsPath(org)}?q=${other.id}`)), [other.id]);
});

test('PUT /organizations/:id/applications replaces the applications and keeps survivors\' roles (204)', async () => {
  const org = await createOrg(srv);
  const [a, b, c] = [await createApp(srv), await createApp(srv), await createApp(srv)];
  const role = await createOrgRole(srv, { type: 'MachineToMachine' });
  await addApps(org, [a.id, b.id]);
  expectStatus(await srv.api('POST', appRolesPath(org, a), { organizationRoleIds: [role.id] }), 201);
  expectStatus(await srv.api('PUT', appsPath(org), { applicationIds: [a.id, c.id] }), 204);
  assert.deepEqual(await appIdsIn(org), sorted([a.id, c.id]));
  assert.deepEqual(await roleIdsOf(org, a), [role.id]);
});

test('DELETE /organizations/:id/applications/:appId removes the application and its roles (204), then 404', async () => {
  const { org, app } = await appInNewOrg();
  const role = await createOrgRole(srv, { type: 'MachineToMachine' });
  expectStatus(await srv.api('POST', appRolesPath(org, app), { organizationRoleIds: [role.id] }), 201);
  expectStatus(await srv.api('DELETE', `${appsPath(org)}/${app.id}`), 204);
  assert.deepEqual(await appIdsIn(org), []);
  expectError(await srv.api('DELETE', `${appsPath(org)}/${app.id}`), 404, 'entity.not_found');
  await addApps(org, [app.id]);
  assert.deepEqual(await roleIdsOf(org, app), []);
});

test('POST .../applications/:appId/roles assigns M2M roles (201); GET lists them', async () => {
  const { org, app } = await appInNewOrg();
  const [r1, r2] = [
    await createOrgRole(srv, { type: 'MachineToMachine' }),
    await createOrgRole(srv, { type: 'MachineToMachine' }),
  ];
  expectStatus(await srv.api('POST', appRolesPath(org, app), { organizationRoleIds: [r1.id, r2.id] }), 201);
  assert.deepEqual(await roleIdsOf(org, app), sorted([r1.id, r2.id]));
});

test('POST .../applications/:appId/roles with a User role answers 422 and assigns nothing', async () => {
  const { org, app } = await appInNewOrg();
  const m2m = await createOrgRole(srv, { type: 'MachineToMachine' });
  const userRole = await createOrgRole(srv);
  const res = await srv.api('POST', appRolesPath(org, app), { organizationRoleIds: [m2m.id, userRole.id] });
  expectError(res, 422, 'entity.db_constraint_violated');
  assert.deepEqual(await roleIdsOf(org, app), []);
});

test('POST .../applications/:appId/roles for an application that is not a member answers 422', async () => {
  const org = await createOrg(srv);
  const app = await createApp(srv);
  const role = await createOrgRole(srv, { type: 'MachineToMachine' });
  const res = await srv.api('POST', appRolesPath(org, app), { organizationRoleIds: [role.id] });
  assert.equal(res.status, 422, res.text);
});

test('POST .../applications/:appId/roles on a missing organization answers 422', async () => {
  const app = await createApp(srv);
  const role = await createOrgRole(srv, { type: 'MachineToMachine' });
  const res = await srv.api('POST', `/organizations/nosuchorg000/applications/${app.id}/roles`, {
    organizationRoleIds: [role.id],
  });
  assert.equal(res.status, 422, res.text);
});

test('PUT .../applications/:appId/roles replaces the roles (204)', async () => {
  const { org, app } = await appInNewOrg();
  const [a, b] = [
    await createOrgRole(srv, { type: 'MachineToMachine' }),
    await createOrgRole(srv, { type: 'MachineToMachine' }),
  ];
  expectStatus(await srv.api('POST', appRolesPath(org, app), { organizationRoleIds: [a.id] }), 201);
  expectStatus(await srv.api('PUT', appRolesPath(org, app), { organizationRoleIds: [b.id] }), 204);
  assert.deepEqual(await roleIdsOf(org, app), [b.id]);
});

test('DELETE .../applications/:appId/roles/:roleId removes one role (204), then 404', async () => {
  const { org, app } = await appInNewOrg();
  const [a, b] = [
    await createOrgRole(srv, { type: 'MachineToMachine' }),
    await createOrgRole(srv, { type: 'MachineToMachine' }),
  ];
  expectStatus(await srv.api('POST', appRolesPath(org, app), { organizationRoleIds: [a.id, b.id] }), 201);
  expectStatus(await srv.api('DELETE', `${appRolesPath(org, app)}/${a.id}`), 204);
  assert.deepEqual(await roleIdsOf(org, app), [b.id]);
  expectError(await srv.api('DELETE', `${appRolesPath(org, app)}/${a.id}`), 404, 'entity.not_found');
});

test('POST /organizations/:id/applications/roles assigns every role to every listed application (201)', async () => {
  const org = await createOrg(srv);
  const [a, b] = [await createApp(srv), await createApp(srv)];
  await addApps(org, [a.id, b.id]);
  const [r1, r2] = [
    await createOrgRole(srv, { type: 'MachineToMachine' }),
    await createOrgRole(srv, { type: 'MachineToMachine' }),
  ];
  const res = await srv.api('POST', `${appsPath(org)}/roles`, {
    applicationIds: [a.id, b.id],
    organizationRoleIds: [r1.id, r2.id],
  });
  expectStatus(res, 201);
  assert.deepEqual(await roleIdsOf(org, a), sorted([r1.id, r2.id]));
  assert.deepEqual(await roleIdsOf(org, b), sorted([r1.id, r2.id]));
});

test('an application\'s organizations are listed by GET /applications/:id/organizations and drop out when removed', async () => {
  const { org, app } = await appInNewOrg();
  assert.deepEqual(ids(await list(srv, `/applications/${app.id}/organizations`)), [org.id]);
  expectStatus(await srv.api('DELETE', `${appsPath(org)}/${app.id}`), 204);
  assert.deepEqual(await list(srv, `/applications/${app.id}/organizations`), []);
});
