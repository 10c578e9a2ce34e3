// A real browser for the Console tests: Debian's chromium driven by playwright-core (no
// browser download). Fails loudly when chromium is missing; never skips.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The chromium executable: $CHROMIUM_PATH or Debian's; throws with the fix when absent. */
export function chromiumPath() {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p) => p && fs.existsSync(p));
  if (!found) {
    throw new Error('chromium is not installed: run scripts/install-deps.sh (Debian package "chromium") or set CHROMIUM_PATH');
  }
  return found;
}

/**
 * Launches headless chromium on a fresh profile directory (playwright passes it as
 * --user-data-dir). Resolves with {context, close}; close() also removes the profile.
 */
export async function launchBrowser({ viewport = { width: 1360, height: 860 } } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
