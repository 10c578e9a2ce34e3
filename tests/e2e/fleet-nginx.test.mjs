// The documented load-balancer set-up (doc/operations.md, "Behind a load balancer"): nginx in
// front of two nodes on one PostgreSQL database. Requests through nginx reach both nodes, a
// token obtained through one node works through the other, and when one node dies nginx keeps
// answering through the survivor. Needs Debian's nginx (scripts/install-deps.sh).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { fleetAvailable, skipReason, startFleet } from './lib/fleet.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const skip = !fleetAvailable ? skipReason : !nginxBin ? 'nginx is not installed' : false;

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Renders doc/nginx-gatehouse.conf (the documented file) for a throwaway nginx. */
function nginxConfig(dir, port, upstreams) {
  const site = fs
    .readFileSync(path.resolve(here, '..', '..', 'doc', 'nginx-gatehouse.conf'), 'utf8')
    .replace(/server 127\.0\.0\.1:3001[^;]*;\n(\s*server 127\.0\.0\.1:3002[^;]*;\n)?/, upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=5s;\n`).join('    '))
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  return `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents { worker_connections 256; }\nhttp {\n  access_log ${dir}/access.log;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n${site}\n}\n`;
}

let nodes = [];
let lb;
let nginx;
if (!skip) {
  nodes = await startFleet(2, { label: 'fleet-nginx' });
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-nginx-'));
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, port, nodes.map((n) => `127.0.0.1:${n.port}`)));
  const check = spawnSync(nginxBin, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(check.status, 0, `nginx -t failed:\n${check.stderr}`);
  nginx = spawn(nginxBin, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  lb = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${lb}/api/status`)).status === 204) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  after(() => {
    nginx.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

async function lbToken() {
  const [a] = nodes;
  const form = new URLSearchParams({ grant_type: 'client_credentials', resource: a.managementResource, scope: 'all' });
  const res = await fetch(`${lb}/oidc/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'Basic ' + Buffer.from(`${a.clientId}:${a.clientSecret}`).toString('base64'),
    },
    body: form,
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text).access_token;
}

test('nginx spreads requests over both nodes and tokens work through either', { skip }, async () => {
  const token = await lbToken();
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${lb}/api/organizations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `lb-${i}` }),
    });
    assert.equal(res.status, 201, await res.text());
  }
  // Both nodes served some of them (nginx round-robin).
  const served = nodes.map((n) => fs.readFileSync(n.logPath, 'utf8').split('POST /api/organizations').length - 1);
  assert.ok(served.every((n) => n > 0), `requests per node: ${served}`);
});

test('when a node dies, nginx keeps answering through the other', { skip }, async () => {
  const [a] = nodes;
  const token = await lbToken();
  a.killedOnPurpose = true;
  a.proc.kill('SIGKILL');
  await a.exited;
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${lb}/api/organizations?page_size=1`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200, `request ${i} through nginx: ${res.status}`);
  }
});
