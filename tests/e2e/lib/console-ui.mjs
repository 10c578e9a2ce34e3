// Steps of the Console browser tests, written as a person would use the UI: by roles and
// labels (what a screen reader announces), never by CSS classes.

import fs from 'node:fs';
import path from 'node:path';

/** A screenshot helper writing numbered PNGs into `dir`. */
export function screenshots(page, dir) {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (name) => {
    const file = path.join(dir, `${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}

/** The dialog that is open now (there is at most one). */
export const dialog = (page) => page.getByRole('dialog');

/** Waits for the success toast containing `text`. */
export async function toast(page, text) {
  await page.getByRole('status').getByText(text).first().waitFor();
}

/** From the Console's landing page through the hosted sign-in page back to the Console. */
export async function signIn(page, base, { username, password }, shot) {
  await page.goto(`${base}/console/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/sign-in/);
  if (shot) await shot('hosted-sign-in');
  await page.locator('input[name=identifier]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/console\/(?!callback)/);
}

export async function nav(page, label) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

export async function createPermission(page, name, description) {
  await page.getByRole('button', { name: 'Create permission' }).click();
  const d = dialog(page);
  await d.getByLabel('Permission name').fill(name);
  if (description) await d.getByLabel('Description (optional)').fill(description);
  await d.getByRole('button', { name: 'Create permission' }).click();
  await d.waitFor({ state: 'detached' });
  await page.getByRole('cell', { name, exact: true }).waitFor();
}

export async function createRole(page, name, permissions, shot) {
  await page.getByRole('button', { name: 'Create role' }).click();
  const d = dialog(page);
  await d.getByLabel('Role name').fill(name);
  for (const p of permissions) await d.getByRole('checkbox', { name: new RegExp(`^${p}\\b`) }).check();
  if (shot) await shot(`create-role-${name}`);
  await d.getByRole('button', { name: 'Create role' }).click();
  await d.waitFor({ state: 'detached' });
  await page.getByRole('row', { name: new RegExp(`^${name}\\b`) }).waitFor();
}

export async function createUser(page, { username, name, password }) {
  await page.getByRole('button', { name: 'Create user' }).click();
  const d = dialog(page);
  await d.getByLabel('Username').fill(username);
  await d.getByLabel('Display name').fill(name);
  await d.getByLabel('Initial password').fill(password);
  await d.getByRole('button', { name: 'Create user' }).click();
  await d.waitFor({ state: 'detached' });
  await toast(page, `User ${name} created`);
}

/** Creates an organization from the list page; ends on its Members tab. */
export async function createOrganization(page, name, { description, customData } = {}) {
  await nav(page, 'Organizations');
  await page.getByRole('button', { name: 'Create organization' }).click();
  const d = dialog(page);
  await d.getByLabel('Name').fill(name);
  if (description) await d.getByLabel('Description (optional)').fill(description);
  if (customData) await d.getByLabel('Custom data (JSON object)').fill(JSON.stringify(customData));
  await d.getByRole('button', { name: 'Create organization' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** On an organization's Members tab: adds one user found by search, with roles. */
export async function addMember(page, search, displayName, roles, shot) {
  await page.getByRole('button', { name: 'Add members' }).click();
  const d = dialog(page);
  await d.getByLabel('Find users by name, username, email or ID').fill(search);
  const option = d.getByRole('list', { name: 'Matches' }).getByRole('checkbox', { name: new RegExp(displayName) });
  await option.check();
  for (const r of roles) await d.getByRole('group', { name: /Roles to give them/ }).getByRole('checkbox', { name: new RegExp(`^${r}\\b`) }).check();
  if (shot) await shot(`add-member-${search}`);
  await d.getByRole('button', { name: /^Add/ }).click();
  await d.waitFor({ state: 'detached' });
  await page.getByRole('row', { name: new RegExp(displayName) }).waitFor();
}

/** On a Members tab: replaces the roles of a member. */
export async function setMemberRoles(page, displayName, roles) {
  await page.getByRole('button', { name: `Edit roles of ${displayName}` }).click();
  const d = dialog(page);
  const boxes = d.getByRole('checkbox');
  await boxes.first().waitFor(); // the roles load after the dialog opens
  for (const box of await boxes.all()) {
    const label = (await box.evaluate((el) => el.closest('label').textContent)) ?? '';
    const want = roles.some((r) => label.trim().startsWith(r));
    if ((await box.isChecked()) !== want) await box.setChecked(want);
  }
  await d.getByRole('button', { name: 'Save roles' }).click();
  await d.waitFor({ state: 'detached' });
}

/** The text of each cell of the row whose header or first cell matches `name`. */
export async function rowTexts(page, name) {
  const row = page.getByRole('row', { name: new RegExp(name) }).first();
  return row.locator('th, td').allInnerTexts();
}
