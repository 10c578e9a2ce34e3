// Fleet helpers: several gatehouse processes on one PostgreSQL database (issue 5). Only
// meaningful when GATEHOUSE_TEST_DATABASE_URL is a postgresql:// URL (scripts/e2e-postgres.sh);
// fleet test files skip otherwise.

import { after } from 'node:test';

import { startServer } from './server.mjs';

export const fleetAvailable = /^postgres(ql)?:\/\//.test(process.env.GATEHOUSE_TEST_DATABASE_URL ?? '');
export const skipReason = 'fleet tests need GATEHOUSE_TEST_DATABASE_URL=postgresql://... (scripts/e2e-postgres.sh)';

/**
 * Starts `n` nodes on one fresh database (one after the other, so the first creates the schema,
 * the signing key and the bootstrap application, and the others find them). Registers their
 * stop; a node the test killed on purpose must be marked `node.killedOnPurpose = true`.
 */
export async function startFleet(n, { label = 'fleet' } = {}) {
  const first = await startServer({ label: `${label}-a` });
  const nodes = [first];
  for (let i = 1; i < n; i++) {
    nodes.push(
      await startServer({
        label: `${label}-${String.fromCharCode(97 + i)}`,
        // One public endpoint for the whole fleet (the load balancer's), so every node has the
        // same issuer and Management API indicator.
        env: {
          GATEHOUSE_ENDPOINT: first.endpoint,
          GATEHOUSE_DATABASE_URL: first.databaseUrl,
          GATEHOUSE_BOOTSTRAP_CLIENT_ID: first.clientId,
          GATEHOUSE_BOOTSTRAP_CLIENT_SECRET: first.clientSecret,
          GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME: first.adminUsername,
          GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD: first.adminPassword,
        },
      }),
    );
  }
  for (const node of nodes.slice(1)) {
    node.issuer = first.issuer;
    node.managementResource = first.managementResource;
  }
  after(async () => {
    for (const node of nodes) {
      if (node.killedOnPurpose) continue;
      await node.stop();
    }
  });
  return nodes;
}

/** Polls `check()` (truthy = done) every 25 ms for up to `ms`; returns elapsed ms or throws. */
export async function within(ms, what, check) {
  const start = Date.now();
  let last;
  while (Date.now() - start <= ms) {
    last = await check();
    if (last) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} did not happen within ${ms} ms`);
}
