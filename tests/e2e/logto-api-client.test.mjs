// Logto's own Management API client, @logto/api from npm, used unmodified against the server
// (issue 2, "Done when"): it fetches its token with client_credentials and calls /api/*.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createManagementApi } from '@logto/api/management';

import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

function client() {
  return createManagementApi('default', {
    clientId: srv.clientId,
    clientSecret: srv.clientSecret,
    baseUrl: srv.endpoint,
    apiIndicator: srv.managementResource,
  });
}

test('@logto/api obtains a Management API token with scope `all` through its ClientCredentials', async () => {
  const { clientCredentials } = client();
  const token = await clientCredentials.getAccessToken();
  assert.equal(typeof token.value, 'string');
  assert.equal(token.scope, 'all');
  assert.ok(token.expiresAt > Date.now() / 1000 + 60, 'token expires too soon for the client to cache it');
});

test('@logto/api creates an organization and reads it back', async () => {
  const { apiClient } = client();
  const name = uniq('Logto client org');
  const created = await apiClient.POST('/api/organizations', {
    body: { name, description: 'made by @logto/api', customData: { source: 'sdk' } },
  });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  assert.equal(created.data.name, name);
  assert.equal(created.data.description, 'made by @logto/api');
  assert.deepEqual(created.data.customData, { source: 'sdk' });

  const got = await apiClient.GET('/api/organizations/{id}', { params: { path: { id: created.data.id } } });
  assert.equal(got.response.status, 200, JSON.stringify(got.error));
  assert.deepEqual(got.data, created.data);
});

test('@logto/api lists organizations with q and pagination', async () => {
  const { apiClient } = client();
  const tag = uniq('sdklist');
  const madeIds = [];
  for (let i = 0; i < 3; i++) {
    const r = await apiClient.POST('/api/organizations', { body: { name: `${tag}-${i}` } });
    assert.equal(r.response.status, 201, JSON.stringify(r.error));
    madeIds.push(r.data.id);
  }
  const listed = await apiClient.GET('/api/organizations', { params: { query: { q: tag, page: 1, page_size: 2 } } });
  assert.equal(listed.response.status, 200, JSON.stringify(listed.error));
  assert.equal(listed.data.length, 2);
  assert.equal(listed.response.headers.get('total-number'), '3');
  const all = await apiClient.GET('/api/organizations', { params: { query: { q: tag } } });
  assert.deepEqual(all.data.map((o) => o.id).sort(), [...madeIds].sort());
});

test('@logto/api adds a member and reads the member list', async () => {
  const { apiClient } = client();
  const org = await apiClient.POST('/api/organizations', { body: { name: uniq('sdkmembers') } });
  const user = await apiClient.POST('/api/users', { body: { name: 'SDK user' } });
  assert.equal(user.response.status, 200, JSON.stringify(user.error));
  const added = await apiClient.POST('/api/organizations/{id}/users', {
    params: { path: { id: org.data.id } },
    body: { userIds: [user.data.id] },
  });
  assert.equal(added.response.status, 201, JSON.stringify(added.error));
  const members = await apiClient.GET('/api/organizations/{id}/users', { params: { path: { id: org.data.id } } });
  assert.equal(members.response.status, 200, JSON.stringify(members.error));
  assert.deepEqual(members.data.map((u) => u.id), [user.data.id]);
});

test('@logto/api surfaces a Management API error body (code and message)', async () => {
  const { apiClient } = client();
  const res = await apiClient.GET('/api/organizations/{id}', { params: { path: { id: 'nosuchorg000' } } });
  assert.equal(res.response.status, 404);
  assert.equal(res.error.code, 'entity.not_exists_with_id');
  assert.equal(typeof res.error.message, 'string');
});

test('@logto/api with a wrong secret fails with ClientCredentialsError and reaches no endpoint', async () => {
  const { apiClient } = createManagementApi('default', {
    clientId: srv.clientId,
    clientSecret: 'wrong-secret',
    baseUrl: srv.endpoint,
    apiIndicator: srv.managementResource,
  });
  await assert.rejects(apiClient.GET('/api/organizations'), (e) => e.name === 'ClientCredentialsError' && /401/.test(e.message));
});
