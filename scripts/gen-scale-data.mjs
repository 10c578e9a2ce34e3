#!/usr/bin/env node
// Writes a synthetic data set as `gatehouse import` JSON lines to standard output: an
// organization template (roles × scopes), users, organizations, and memberships (each with one
// role), grouped by organization so the import batches them.
//
//   node scripts/gen-scale-data.mjs --orgs 1000000 --users 1000000 --members-per-org 10 \
//        --roles 1000 | gatehouse import -
// Deterministic (a fixed-seed generator), so runs are comparable.
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '1000' },
    users: { type: 'string', default: '1000' },
    'members-per-org': { type: 'string', default: '10' },
    roles: { type: 'string', default: '10' },
    scopes: { type: 'string', default: '20' },
  },
});
const orgs = Number(values.orgs);
const users = Number(values.users);
const perOrg = Math.min(Number(values['members-per-org']), users);
const roles = Number(values.roles);
const scopes = Number(values.scopes);

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
const pad = (prefix, i, width) => prefix + String(i).padStart(width, '0');
const uid = (i) => pad('u', i, 20);
const oid = (i) => pad('o', i, 11);
const rid = (i) => pad('r', i, 20);
const sid = (i) => pad('s', i, 20);

// Blocking writes: a pipe into `gatehouse import` applies back-pressure (no unbounded buffering).
function writeAll(text) {
  const buf = Buffer.from(text);
  for (let off = 0; off < buf.length; ) {
    try {
      off += fs.writeSync(1, buf, off);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
const out = [];
const write = (obj) => {
  out.push(JSON.stringify(obj));
  if (out.length >= 10000) writeAll(out.splice(0).join('\n') + '\n');
};

for (let s = 0; s < scopes; s++) write({ type: 'organizationScope', id: sid(s), name: `scope-${s}` });
for (let r = 0; r < roles; r++) {
  const own = [sid(r % scopes), sid((r * 7 + 3) % scopes)];
  write({ type: 'organizationRole', id: rid(r), name: `role-${r}`, scopeIds: [...new Set(own)] });
}
for (let u = 0; u < users; u++) write({ type: 'user', id: uid(u), username: `user${u}`, name: `User ${u}` });
for (let o = 0; o < orgs; o++) {
  write({ type: 'organization', id: oid(o), name: `Organization ${o}` });
  const seen = new Set();
  while (seen.size < perOrg) seen.add(Math.floor(rand() * users));
  for (const u of [...seen].sort((x, y) => x - y)) {
    write({ type: 'membership', organizationId: oid(o), userId: uid(u), roleIds: [rid(Math.floor(rand() * roles))] });
  }
}
writeAll(out.join('\n') + '\n');
