// The web Console in a real browser (Debian's chromium driven by playwright-core) against the
// real gatehouse binary serving the built Console (console/dist): an administrator signs in
// through the hosted sign-in page and does the seed's whole set-up with the UI (template, two
// organizations, Alice and Bob with roles), checks the explain view and an impact preview; then
// the Management API confirms that the state is what the UI showed. Screenshots of each page go
// to tests/e2e/output/console/. Fails (never skips) when chromium or the Console build is missing.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchBrowser } from './lib/browser.mjs';
import * as ui from './lib/console-ui.mjs';
import { expectStatus } from './lib/helpers.mjs';
import { useServer } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const consoleDir = path.resolve(here, '../../console/dist');
const shotsDir = path.join(here, 'output', 'console');

assert.ok(
  fs.existsSync(path.join(consoleDir, 'index.html')),
  `the Console is not built (${consoleDir}/index.html is missing): run make console`,
);
fs.rmSync(shotsDir, { recursive: true, force: true });

const srv = await useServer({ env: { GATEHOUSE_CONSOLE_DIR: consoleDir } });
const admin = { username: srv.adminUsername, password: srv.adminPassword };
const PERMISSIONS = ['add:member', 'remove:member', 'change:role', 'read:resource', 'invite:member'];
const alice = { username: 'alice', name: 'Alice Liddell', password: 'Alice-pw-' + Date.now() };
const bob = { username: 'bob', name: 'Bob Builder', password: 'Bob-pw-' + Date.now() };

let browser;
let page;
let shot;
const pageErrors = [];

before(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  shot = ui.screenshots(page, shotsDir);
});

after(async () => {
  await browser?.close();
});

async function apiJson(method, pathname, body) {
  const res = await srv.api(method, pathname, body);
  assert.ok(res.status < 300, `${method} ${pathname}: ${res.status} ${res.text}`);
  return res.json;
}

async function findOne(pathname, name) {
  const items = await apiJson('GET', `${pathname}?page_size=100&q=${encodeURIComponent(name)}`);
  const found = items.filter((x) => x.name === name);
  assert.equal(found.length, 1, `expected exactly one "${name}" in ${pathname}`);
  return found[0];
}

describe('Console served by gatehouse', () => {
  test('config.json names the issuer, the built-in SPA client and the Management API', async () => {
    const res = await srv.request('GET', '/console/config.json');
    expectStatus(res, 200);
    assert.deepEqual(res.json, {
      endpoint: srv.endpoint,
      issuer: srv.issuer,
      clientId: 'gatehouse-console',
      apiResource: srv.managementResource,
    });
  });

  test('a deep link under /console is answered with the SPA page', async () => {
    const res = await srv.request('GET', '/console/organizations/abc/settings');
    expectStatus(res, 200);
    assert.match(res.text, /<div id="root"><\/div>/);
  });
});

describe('an administrator does the seed set-up in the Console', () => {
  test('signs in through the hosted sign-in page', async () => {
    await ui.signIn(page, srv.endpoint, admin, shot);
    await page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
    await page.getByText('No organizations yet').waitFor();
    await shot('organizations-empty');
  });

  test('creates the template: five permissions, roles admin and member', async () => {
    await ui.nav(page, 'Organization template');
    await page.getByText('No roles yet').waitFor();
    await shot('template-empty');
    await page.getByRole('link', { name: 'Permissions', exact: true }).click();
    for (const p of PERMISSIONS) await ui.createPermission(page, p);
    await shot('template-permissions');
    await page.getByRole('link', { name: 'Roles', exact: true }).click();
    await ui.createRole(page, 'admin', ['add:member', 'remove:member', 'change:role', 'read:resource'], shot);
    await ui.createRole(page, 'member', ['read:resource']);
    await shot('template-roles');
  });

  test('creates users Alice and Bob', async () => {
    await ui.nav(page, 'Users');
    await ui.createUser(page, alice);
    await ui.createUser(page, bob);
    await shot('users');
  });

  test('creates Organization A with custom data, adds Alice as admin and Bob, then gives Bob the member role', async () => {
    await ui.createOrganization(page, 'Organization A', { description: 'First tenant', customData: { plan: 'pro' } });
    await page.getByText('No members yet').waitFor();
    await ui.addMember(page, 'alice', alice.name, ['admin'], shot);
    await ui.addMember(page, 'bob', bob.name, []);
    assert.match((await ui.rowTexts(page, bob.name))[1], /No role/);
    await ui.setMemberRoles(page, bob.name, ['member']);
    await page.getByRole('row', { name: new RegExp(`${bob.name}.*member`) }).waitFor();
    assert.match((await ui.rowTexts(page, alice.name))[1], /admin/);
    await shot('organization-a-members');
  });

  test('creates Organization B with Alice as member', async () => {
    await ui.createOrganization(page, 'Organization B');
    await ui.addMember(page, 'alice', alice.name, ['member']);
    await shot('organization-b-members');
    await ui.nav(page, 'Organizations');
    await page.getByRole('link', { name: 'Organization B' }).waitFor();
    await shot('organizations');
  });

  test('the organization list searches on the server', async () => {
    await page.getByRole('searchbox', { name: 'Search organizations by name or ID' }).fill('zation B');
    await page.getByRole('link', { name: 'Organization A' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Organization B' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search organizations by name or ID' }).fill('');
  });

  test('dialogs take focus, close with Escape and give focus back', async () => {
    const opener = page.getByRole('button', { name: 'Create organization' });
    await opener.click();
    const d = ui.dialog(page);
    await d.waitFor();
    assert.equal(await d.getByLabel('Name').evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
    assert.equal(await opener.evaluate((el) => el === document.activeElement), true);
  });

  test('the impact preview of granting invite:member to member counts Bob and Alice, then the change applies', async () => {
    await ui.nav(page, 'Organization template');
    await page.getByRole('link', { name: 'Role × permission matrix' }).click();
    await page.getByRole('checkbox', { name: 'member grants invite:member' }).click();
    const d = ui.dialog(page);
    await d.getByText('Affects 2 members across 2 organizations.').waitFor();
    await d.getByText(/invite:member\s*gained by 2 members in 2 organizations/).waitFor();
    await shot('template-matrix-impact');
    await d.getByRole('button', { name: 'Grant in all organizations' }).click();
    await d.waitFor({ state: 'detached' });
    // The matrix reloads the roles after the change: wait for the box to show it.
    await page.locator('input:checked[aria-label="member grants invite:member"]').waitFor();
    await shot('template-matrix');
  });

  test('explain shows which role gives Bob each permission in Organization A and why others are absent', async () => {
    await ui.nav(page, 'Organizations');
    await page.getByRole('link', { name: 'Organization A' }).click();
    await page.getByRole('link', { name: `Explain permissions of ${bob.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Permissions of ${bob.name} in Organization A` }).waitFor();
    const readRow = await ui.rowTexts(page, '^read:resource');
    assert.match(readRow[1], /Granted/);
    assert.match(readRow[2], /Given by the role member/);
    const removeRow = await ui.rowTexts(page, '^remove:member');
    assert.match(removeRow[1], /Absent/);
    assert.match(removeRow[2], /the role admin would/);
    await shot('explain-bob');
  });

  test('the Management API holds exactly what the Console showed', async () => {
    const roles = await apiJson('GET', '/organization-roles?page_size=100');
    const scopesOf = (name) => roles.find((r) => r.name === name).scopes.map((s) => s.name).sort();
    assert.deepEqual(scopesOf('admin'), ['add:member', 'change:role', 'read:resource', 'remove:member']);
    assert.deepEqual(scopesOf('member'), ['invite:member', 'read:resource']);

    const orgA = await findOne('/organizations', 'Organization A');
    const orgB = await findOne('/organizations', 'Organization B');
    assert.deepEqual(orgA.customData, { plan: 'pro' });
    assert.equal(orgA.description, 'First tenant');
    const membersOf = async (org) =>
      Object.fromEntries(
        (await apiJson('GET', `/organizations/${org.id}/users?page_size=100`)).map((u) => [
          u.username,
          u.organizationRoles.map((r) => r.name),
        ]),
      );
    assert.deepEqual(await membersOf(orgA), { alice: ['admin'], bob: ['member'] });
    assert.deepEqual(await membersOf(orgB), { alice: ['member'] });

    const bobUser = (await apiJson('GET', '/users?q=bob')).find((u) => u.username === 'bob');
    assert.equal(bobUser.name, bob.name);
    const explain = await apiJson('GET', `/organizations/${orgA.id}/users/${bobUser.id}/explain`);
    const held = explain.scopes.filter((s) => s.granted).map((s) => s.name).sort();
    assert.deepEqual(held, ['invite:member', 'read:resource']);
  });

  test('errors come back in words: a duplicate permission name', async () => {
    await ui.nav(page, 'Organization template');
    await page.getByRole('link', { name: 'Permissions', exact: true }).click();
    await page.getByRole('button', { name: 'Create permission' }).click();
    const d = ui.dialog(page);
    await d.getByLabel('Permission name').fill('read:resource');
    await d.getByRole('button', { name: 'Create permission' }).click();
    const alert = d.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /already taken/);
    await shot('error-duplicate-permission');
    await d.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the other pages work: applications (secret shown once), API resources, an M2M app in an organization, settings', async () => {
    await ui.nav(page, 'Applications');
    await page.getByRole('button', { name: 'Create application' }).click();
    const d = ui.dialog(page);
    await d.getByLabel('Name').fill('Billing service');
    await d.getByLabel('Type').selectOption('MachineToMachine');
    await d.getByRole('button', { name: 'Create application' }).click();
    await page.getByRole('heading', { name: 'Copy the client secret now' }).waitFor();
    const secret = await page.getByTestId('secret-value').innerText();
    assert.ok(secret.length >= 32);
    await shot('application-secret');
    await ui.dialog(page).getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Billing service' }).waitFor();
    await shot('application');
    const app = await findOne('/applications', 'Billing service');
    const token = await srv.clientCredentials({ clientId: app.id, clientSecret: secret, scope: undefined, resource: undefined });
    assert.equal(token.status, 200, `the secret shown authenticates: ${token.text}`);

    await ui.nav(page, 'API resources');
    await page.getByRole('cell', { name: srv.managementResource }).waitFor();
    await shot('api-resources');
    await ui.nav(page, 'Organizations');
    await page.getByRole('link', { name: 'Organization A' }).click();
    await page.getByRole('link', { name: 'Machine-to-machine apps' }).click();
    await page.getByRole('button', { name: 'Add applications' }).click();
    const add = ui.dialog(page);
    await add.getByLabel('Find machine-to-machine applications').fill('Billing');
    await add.getByRole('list', { name: 'Matches' }).getByRole('checkbox', { name: /Billing service/ }).check();
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await add.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Billing service/ }).waitFor();
    await shot('organization-applications');
    const orgA = await findOne('/organizations', 'Organization A');
    assert.deepEqual((await apiJson('GET', `/organizations/${orgA.id}/applications`)).map((a) => a.name), ['Billing service']);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByText('"plan": "pro"').waitFor();
    await shot('organization-settings');
  });

  test('no script error happened in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});

describe('a user without the Management API permission', () => {
  test('is told clearly that they are not an administrator and can sign out', async () => {
    const other = await launchBrowser();
    try {
      const p = await other.context.newPage();
      await ui.signIn(p, srv.endpoint, alice);
      await p.getByRole('heading', { name: 'This account is not an administrator' }).waitFor();
      await ui.screenshots(p, path.join(shotsDir, 'non-admin'))('not-admin');
      await p.getByRole('button', { name: 'Sign out' }).click();
      await p.getByRole('button', { name: 'Sign in' }).waitFor();
    } finally {
      await other.close();
    }
  });
});
