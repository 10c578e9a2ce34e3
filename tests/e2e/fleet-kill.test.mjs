// Killing one node with SIGKILL under write load (issue 5): the other node keeps serving, and
// every write a node acknowledged (2xx) before dying is in the database.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fleetAvailable, skipReason, startFleet } from './lib/fleet.mjs';
import { expectStatus } from './lib/helpers.mjs';

// Top-level await (as useServer): the fleet's stop is registered at file level.
const [a, b] = fleetAvailable ? await startFleet(2, { label: 'fleet-kill' }) : [];
if (fleetAvailable) {
  await a.managementToken();
  await b.managementToken();
}

/** Creates organizations on `node` with `concurrency` requests in flight until `until()`. */
async function load(node, tag, acknowledged, until, concurrency = 8) {
  let failures = 0;
  const worker = async () => {
    for (let i = 0; !until(); i++) {
      const name = `${tag}-${Math.random().toString(36).slice(2)}`;
      try {
        const res = await node.api('POST', '/organizations', { name });
        if (res.status === 201) acknowledged.push(res.json.id);
        else failures++;
      } catch {
        failures++; // the node is gone: nothing was acknowledged
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}

test('SIGKILL of node A under load leaves node B serving and loses no acknowledged write', { skip: !fleetAvailable && skipReason, timeout: 60000 }, async () => {
  const ackA = [];
  const ackB = [];
  let stopA = false;
  let stopB = false;
  const loadA = load(a, 'ka', ackA, () => stopA);
  const loadB = load(b, 'kb', ackB, () => stopB);
  await new Promise((r) => setTimeout(r, 1500));
  a.killedOnPurpose = true;
  a.proc.kill('SIGKILL');
  await a.exited;
  await new Promise((r) => setTimeout(r, 200));
  stopA = true;
  await new Promise((r) => setTimeout(r, 1000));
  const bAckedBeforeStop = ackB.length;
  stopB = true;
  await Promise.all([loadA, loadB]);

  assert.ok(ackA.length > 0, 'node A acknowledged nothing before it was killed');
  assert.ok(bAckedBeforeStop > 0, 'node B acknowledged nothing');
  expectStatus(await b.request('GET', '/api/status'), 204);
  // Every acknowledged organization, from either node, is there (read through B).
  const missing = [];
  for (const id of [...ackA, ...ackB]) {
    const res = await b.api('GET', `/organizations/${id}`);
    if (res.status !== 200) missing.push(`${id}: ${res.status}`);
  }
  assert.deepEqual(missing, [], `acknowledged writes lost: ${missing.slice(0, 10).join(', ')}`);
  console.log(`fleet-kill: A acknowledged ${ackA.length}, B acknowledged ${ackB.length} writes; none lost`);
});
