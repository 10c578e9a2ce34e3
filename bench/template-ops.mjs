// Times the organization-template writes of PRODUCT.md §7's scale row on a running Gatehouse, one
// request at a time over keep-alive: create an organization scope, create an organization role
// with two scopes, add a scope (a permission) to an existing role. Prints JSON with the median and
// the maximum of each in milliseconds.
//
//   node template-ops.mjs <endpoint> <management token> <repetitions> <scope id of an existing scope>
import http from 'node:http';

const [endpoint, token, reps, existingScope] = process.argv.slice(2);
const base = new URL(endpoint);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const tag = Math.random().toString(36).slice(2, 8);

function call(method, path, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request({
      host: base.hostname, port: base.port, method, path: '/api' + path, agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode >= 300) reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`));
        else resolve({ ms, json: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const times = { scope: [], role: [], permission: [] };
for (let i = 0; i < Number(reps); i++) {
  const scope = await call('POST', '/organization-scopes', { name: `bench-${tag}-scope-${i}` });
  times.scope.push(scope.ms);
  const role = await call('POST', '/organization-roles', {
    name: `bench-${tag}-role-${i}`, organizationScopeIds: [existingScope, scope.json.id],
  });
  times.role.push(role.ms);
  const extra = await call('POST', '/organization-scopes', { name: `bench-${tag}-extra-${i}` });
  const perm = await call('POST', `/organization-roles/${role.json.id}/scopes`, { organizationScopeIds: [extra.json.id] });
  times.permission.push(perm.ms);
}
const out = {};
for (const [k, v] of Object.entries(times)) {
  v.sort((a, b) => a - b);
  out[k] = { median_ms: Number(v[Math.floor(v.length / 2)].toFixed(2)), max_ms: Number(v[v.length - 1].toFixed(2)) };
}
console.log(JSON.stringify(out));
agent.destroy();
