// Hostile input (PRODUCT.md §6, API.md "Conventions"): malformed, oversized and odd requests
// get a clear 4xx with the error body, never a 500, a hang or a crash, and strings come back
// verbatim. After every test the server must still answer /api/status with 204; the harness
// also fails the file if any response was a 5xx or the process died.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';

import { createOrg, createUser, expectClientError, expectError, expectStatus, list } from './lib/helpers.mjs';
import { uniq, useServer } from './lib/server.mjs';

const srv = await useServer();

/** A test that, after its body, checks the server still answers /api/status with 204. */
function hostile(name, fn) {
  test(name, async (t) => {
    await fn(t);
    assert.equal(await srv.statusCode(), 204, 'server no longer answers /api/status with 204');
  });
}

const MiB = 1024 * 1024;

async function rawApi(method, path, body, headers = {}) {
  const token = await srv.managementToken();
  return srv.rawRequest({
    method,
    path,
    body,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
  });
}

// ---------------------------------------------------------------- malformed bodies

const MALFORMED = {
  'truncated JSON': '{"name":',
  'trailing garbage': '{"name":"a"} xyz',
  'single quotes': "{'name':'a'}",
  'a bare word': 'hello',
  'an unterminated string': '{"name":"abc',
  'a lone comma': ',',
  'a trailing comma': '{"name":"a",}',
  'NaN': '{"name":"a","customData":{"x":NaN}}',
  'a control character in a string': '{"name":"a\u0001b"}',
  'an invalid escape': '{"name":"\\x41"}',
  'a lone surrogate escape': '{"name":"\\ud800"}',
};

for (const [label, body] of Object.entries(MALFORMED)) {
  hostile(`a body with ${label} answers 400 guard.invalid_input`, async () => {
    expectError(await srv.api('POST', '/organizations', undefined, { raw: body }), 400, 'guard.invalid_input');
  });
}

const NOT_OBJECTS = { 'an array': '[]', 'a string': '"name"', 'null': 'null', 'a number': '42', 'true': 'true' };
for (const [label, body] of Object.entries(NOT_OBJECTS)) {
  hostile(`a JSON body that is ${label}, not an object, answers 400 guard.invalid_input`, async () => {
    expectError(await srv.api('POST', '/organizations', undefined, { raw: body }), 400, 'guard.invalid_input');
  });
}

hostile('an empty body where one is required answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/organizations', undefined, { raw: '' }), 400, 'guard.invalid_input');
});

hostile('invalid UTF-8 inside a JSON string answers 400 guard.invalid_input', async () => {
  const body = Buffer.concat([Buffer.from('{"name":"bad '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
  const res = await rawApi('POST', '/api/organizations', body);
  expectError(res, 400, 'guard.invalid_input');
});

hostile('an overlong UTF-8 encoding answers 400 guard.invalid_input', async () => {
  // 0xC0 0xAF is an overlong "/" — never valid UTF-8.
  const body = Buffer.concat([Buffer.from('{"name":"x'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]);
  expectError(await rawApi('POST', '/api/organizations', body), 400, 'guard.invalid_input');
});

hostile('a UTF-16 encoded body answers a 4xx', async () => {
  const utf16 = Buffer.from('{"name":"x"}', 'utf16le');
  expectClientError(await rawApi('POST', '/api/organizations', utf16));
});

hostile('deeply nested JSON (100,000 levels) is refused with 400 or stored and read back, never a crash', async () => {
  const depth = 100_000;
  const body = '{"name":"deep","customData":' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) + '}';
  const res = await srv.api('POST', '/organizations', undefined, { raw: body });
  assert.ok(res.status === 400 || res.status === 201, `got ${res.status} ${res.text.slice(0, 200)}`);
  if (res.status === 400) assert.equal(res.json?.code, 'guard.invalid_input');
  if (res.status === 201) {
    expectStatus(await srv.api('GET', `/organizations/${res.json.id}`), 200);
    expectStatus(await srv.api('GET', `/organizations?q=deep&page=1&page_size=100`), 200);
  }
});

hostile('deeply nested arrays that never close answer 400', async () => {
  const body = '{"customData":' + '['.repeat(500_000);
  expectError(await srv.api('POST', '/organizations', undefined, { raw: body }), 400, 'guard.invalid_input');
});

// ---------------------------------------------------------------- wrong types

const WRONG_TYPES = [
  ['POST', '/organizations', { name: 123 }],
  ['POST', '/organizations', { name: null }],
  ['POST', '/organizations', { name: ['a'] }],
  ['POST', '/organizations', { name: { first: 'a' } }],
  ['POST', '/organizations', { name: 'ok', description: 5 }],
  ['POST', '/organizations', { name: 'ok', isMfaRequired: 'true' }],
  ['POST', '/organizations', { name: 'ok', color: 'blue' }],
  ['POST', '/organizations', { name: 'ok', branding: [] }],
  ['POST', '/users', { username: true }],
  ['POST', '/users', { primaryEmail: 1 }],
  ['POST', '/users', { password: 12345678 }],
  ['POST', '/organization-scopes', { name: 1 }],
  ['POST', '/organization-roles', { name: 'r', organizationScopeIds: 'abc' }],
  ['POST', '/organization-roles', { name: 'r', organizationScopeIds: [1, 2] }],
  ['POST', '/applications', { name: 'a', type: 'MachineToMachine', oidcClientMetadata: { redirectUris: 'x' } }],
  ['POST', '/resources', { name: 'r', indicator: 'https://x.example.com', accessTokenTtl: 'long' }],
  ['POST', '/roles', { name: 'r', description: 'd', scopeIds: {} }],
];

for (const [method, path, body] of WRONG_TYPES) {
  hostile(`${method} ${path} ${JSON.stringify(body)} answers 400 guard.invalid_input`, async () => {
    expectError(await srv.api(method, path, body), 400, 'guard.invalid_input');
  });
}

hostile('member endpoints reject wrong id list types with 400 guard.invalid_input', async () => {
  const org = await createOrg(srv);
  for (const body of [{ userIds: 'abc' }, { userIds: [null] }, { userIds: [[]] }, { userIds: {} }]) {
    expectError(await srv.api('POST', `/organizations/${org.id}/users`, body), 400, 'guard.invalid_input');
    expectError(await srv.api('PUT', `/organizations/${org.id}/users`, body), 400, 'guard.invalid_input');
  }
});

hostile('a wrong-typed request changes nothing', async () => {
  const org = await createOrg(srv, { name: 'unchanged', customData: { a: 1 } });
  expectError(
    await srv.api('PATCH', `/organizations/${org.id}`, { name: 'changed', customData: 'nope' }),
    400,
    'guard.invalid_input',
  );
  const got = (await srv.api('GET', `/organizations/${org.id}`)).json;
  assert.equal(got.name, 'unchanged');
  assert.deepEqual(got.customData, { a: 1 });
});

hostile('duplicate keys, __proto__ and constructor keys are handled without error', async () => {
  const raw = '{"name":"first","name":"' + uniq('dup') + '","customData":{"__proto__":{"polluted":1},"constructor":{"x":1}}}';
  const res = await srv.api('POST', '/organizations', undefined, { raw });
  assert.ok(res.status === 201 || res.status === 400, `got ${res.status} ${res.text}`);
});

hostile('huge and odd numbers in numeric fields answer 400 or are stored, never 500', async () => {
  for (const n of ['1e400', '-0', '123456789012345678901234567890', '0.5']) {
    const res = await srv.api('POST', '/resources', undefined, {
      raw: `{"name":"n","indicator":"https://${uniq('num')}.example.com","accessTokenTtl":${n}}`,
    });
    assert.ok([201, 400].includes(res.status), `accessTokenTtl ${n}: ${res.status} ${res.text}`);
  }
});

// ---------------------------------------------------------------- size limits

hostile('a body over 1 MiB with Content-Length answers 413', async () => {
  const body = JSON.stringify({ name: 'big', description: 'x'.repeat(MiB + 1024) });
  const res = await rawApi('POST', '/api/organizations', body);
  assert.equal(res.status, 413, res.text);
});

hostile('a chunked body that grows over 1 MiB answers 413', async () => {
  const body = JSON.stringify({ name: 'big', customData: { blob: 'y'.repeat(2 * MiB) } });
  const token = await srv.managementToken();
  const res = await srv.rawRequest({
    method: 'POST',
    path: '/api/organizations',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
    chunked: true,
  });
  assert.equal(res.status, 413, res.text);
});

hostile('an unauthenticated body over 1 MiB is refused with 413 or 401', async () => {
  const res = await srv.rawRequest({
    method: 'POST',
    path: '/api/organizations',
    headers: { 'content-type': 'application/json' },
    body: 'z'.repeat(MiB + 1),
  });
  assert.ok(res.status === 413 || res.status === 401, `got ${res.status}`);
});

hostile('a body just under 1 MiB is read and validated normally', async () => {
  const body = JSON.stringify({ name: 'n'.repeat(129), customData: { pad: 'p'.repeat(MiB - 2048) } });
  expectError(await rawApi('POST', '/api/organizations', body), 400, 'guard.invalid_input');
});

hostile('a Content-Length larger than the bytes sent does not hang the server', async () => {
  const token = await srv.managementToken();
  const sock = net.connect(srv.port, '127.0.0.1');
  await new Promise((r) => sock.once('connect', r));
  sock.write(
    `POST /api/organizations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":',
  );
  // Meanwhile other clients are served.
  expectStatus(await srv.api('GET', '/organizations?page=1&page_size=1'), 200);
  sock.destroy();
});

hostile('a header of 100 KB answers 431 or 400 and the connection does not take the server down', async () => {
  const res = await srv.rawRequest({ method: 'GET', path: '/api/status', headers: { 'x-big': 'h'.repeat(100 * 1024) } });
  assert.ok([400, 431].includes(res.status), `got ${res.status}`);
});

hostile('a request with 10,000 headers is refused with a 4xx', async () => {
  const headers = {};
  for (let i = 0; i < 10000; i++) headers[`x-h${i}`] = 'v';
  const res = await srv.rawRequest({ method: 'GET', path: '/api/status', headers });
  expectClientError(res);
});

hostile('a 20,000-character URL is refused with a 4xx', async () => {
  const res = await srv.rawRequest({ method: 'GET', path: '/api/organizations/' + 'a'.repeat(20000) });
  expectClientError(res);
});

hostile('a request line that is not HTTP gets a 400 or a closed connection, and the server lives on', async () => {
  const sock = net.connect(srv.port, '127.0.0.1');
  await new Promise((r) => sock.once('connect', r));
  const reply = await new Promise((resolve) => {
    let data = '';
    sock.on('data', (d) => (data += d));
    sock.on('close', () => resolve(data));
    sock.on('error', () => resolve(data));
    sock.write('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 GARBAGE\r\n\r\n');
    setTimeout(() => sock.destroy(), 3000);
  });
  assert.ok(reply === '' || /^HTTP\/1\.[01] 4\d\d/.test(reply), `reply: ${JSON.stringify(reply.slice(0, 80))}`);
});

// ---------------------------------------------------------------- odd path ids

const ODD_IDS = [
  '%00', 'abc%00def', '..%2F..%2Fstatus', '%2e%2e', '%E2%9C%93', '%F0%9F%98%80', '%D7%A9%D7%9C%D7%95%D7%9D',
  "'%20OR%20'1'%3D'1", '%27%3B%20DROP%20TABLE%20organizations%3B%20--', '%25', '%5C', 'a%20b', '%0D%0AX-Injected:%201',
  'x'.repeat(2000),
];

for (const id of ODD_IDS) {
  hostile(`GET /organizations/${id.length > 40 ? id.slice(0, 20) + '…(' + id.length + ')' : id} answers a 4xx`, async () => {
    const token = await srv.managementToken();
    const res = await srv.rawRequest({ method: 'GET', path: `/api/organizations/${id}`, headers: { authorization: `Bearer ${token}` } });
    expectClientError(res);
    assert.ok(!('x-injected' in res.headers), 'header injection through the path');
  });
}

hostile('an odd id that is a plain missing entity answers 404 entity.not_exists_with_id', async () => {
  for (const id of ['%E2%9C%93', '%27%3B%20DROP%20TABLE%20organizations%3B%20--', 'x'.repeat(300)]) {
    expectError(await srv.api('GET', `/organizations/${id}`), 404, 'entity.not_exists_with_id');
  }
});

hostile('invalid percent-encoding in a path answers 400 or 404', async () => {
  for (const p of ['/api/organizations/%ZZ', '/api/organizations/%', '/api/organizations/%C3%28']) {
    const token = await srv.managementToken();
    const res = await srv.rawRequest({ method: 'GET', path: p, headers: { authorization: `Bearer ${token}` } });
    assert.ok([400, 404].includes(res.status), `${p}: ${res.status}`);
  }
});

hostile('odd ids in nested paths and DELETE answer 4xx', async () => {
  const org = await createOrg(srv);
  const token = await srv.managementToken();
  for (const [method, p] of [
    ['DELETE', `/api/organizations/${org.id}/users/%00`],
    ['GET', `/api/organizations/${org.id}/users/..%2F..%2F/roles`],
    ['DELETE', '/api/organization-roles/%F0%9F%98%80'],
    ['POST', `/api/organizations/%00/users`],
  ]) {
    const res = await srv.rawRequest({
      method, path: p, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: method === 'POST' ? '{"userIds":["x"]}' : undefined,
    });
    expectClientError(res);
  }
  expectStatus(await srv.api('GET', `/organizations/${org.id}`), 200);
});

hostile('odd query strings do not cause errors', async () => {
  for (const qs of ['q=%00', 'q=%ZZ', 'q=' + 'q'.repeat(5000), 'page=1&page=2', 'q[]=a', '%%%', 'q=%F0%9F%98%80&showFeatured=maybe']) {
    const token = await srv.managementToken();
    const res = await srv.rawRequest({ method: 'GET', path: `/api/organizations?${qs}`, headers: { authorization: `Bearer ${token}` } });
    assert.ok(res.status === 200 || (res.status >= 400 && res.status < 500), `?${qs.slice(0, 40)}: ${res.status}`);
  }
});

// ---------------------------------------------------------------- lengths

hostile('names longer than 128 characters answer 400 on every entity', async () => {
  const long = 'L'.repeat(129);
  for (const [path, body] of [
    ['/organizations', { name: long }],
    ['/organization-scopes', { name: long }],
    ['/organization-roles', { name: long }],
    ['/applications', { name: long, type: 'MachineToMachine' }],
    ['/resources', { name: long, indicator: `https://${uniq('len')}.example.com` }],
    ['/roles', { name: long, description: 'd' }],
    ['/users', { name: long }],
  ]) {
    expectError(await srv.api('POST', path, body), 400, 'guard.invalid_input');
  }
});

hostile('a 10,000-character name answers 400 guard.invalid_input', async () => {
  expectError(await srv.api('POST', '/organizations', { name: 'N'.repeat(10000) }), 400, 'guard.invalid_input');
});

hostile('descriptions longer than 256 characters answer 400', async () => {
  expectError(await srv.api('POST', '/organizations', { name: 'x', description: 'd'.repeat(257) }), 400, 'guard.invalid_input');
  expectStatus(await srv.api('POST', '/organizations', { name: 'x', description: 'd'.repeat(256) }), 201);
});

hostile('a 128-character name made of emoji (counted in characters) is accepted', async () => {
  // 128 × U+1F600 = 256 UTF-16 code units, 512 UTF-8 bytes. Logto counts UTF-16 units (zod), so
  // a server that counts code points accepts it and one that counts UTF-16 units refuses it
  // with 400: both are 4xx-or-201, never a 500 or a truncated name.
  const name = '😀'.repeat(128);
  const res = await srv.api('POST', '/organizations', { name });
  assert.ok(res.status === 201 || res.status === 400, `got ${res.status}`);
  if (res.status === 201) assert.equal(res.json.name, name);
});

// ---------------------------------------------------------------- verbatim strings

const VERBATIM = {
  'SQL': "'; DROP TABLE users; --",
  'SQL with a comment': 'Robert"); DROP TABLE organizations;/*',
  'emoji': '🏢 Team 🚀 👩‍👩‍👧‍👦',
  'right-to-left text': 'שלום עולם ‏مرحبا بالعالم‎',
  'combining marks': 'e\u0301 vs é, Å vs A\u030a',
  'zero-width and BOM': 'a\u200bb\u200dc\ufeffd',
  'HTML': '<script>alert(1)</script>&amp;',
  'backslashes and quotes': 'C:\\temp\\"quoted"\\n',
  'newlines and tabs': 'line1\nline2\tTabbed\r\n',
  'supplementary plane CJK': '𠜎𠜱𠝹𠱓',
  'percent and LIKE wildcards': '100%_done_%',
  'format string': '%s%n%x%d{0}${x}',
};

for (const [label, text] of Object.entries(VERBATIM)) {
  hostile(`an organization name with ${label} is stored and returned verbatim`, async () => {
    const created = await srv.api('POST', '/organizations', { name: text, description: text, customData: { [text]: text } });
    expectStatus(created, 201);
    assert.equal(created.json.name, text);
    const got = await srv.api('GET', `/organizations/${created.json.id}`);
    expectStatus(got, 200);
    assert.equal(got.json.name, text);
    assert.equal(got.json.description, text);
    assert.deepEqual(got.json.customData, { [text]: text });
    const found = await list(srv, `/organizations?q=${encodeURIComponent(text)}`);
    assert.ok(found.some((o) => o.id === created.json.id), 'q does not find the verbatim name');
  });
}

hostile('a user name and custom data with SQL, emoji and RTL text come back verbatim', async () => {
  const name = "O'Brien 👨‍💻 שלום'; DELETE FROM users; --";
  const u = await createUser(srv, { name, customData: { note: name, nested: { arr: [name, 1, null, true] } } });
  const got = (await srv.api('GET', `/users/${u.id}`)).json;
  assert.equal(got.name, name);
  assert.deepEqual(got.customData, { note: name, nested: { arr: [name, 1, null, true] } });
  expectStatus(await srv.api('GET', '/users?page=1&page_size=1'), 200);
});

hostile('an organization-scope name with SQL is stored verbatim and the table survives', async () => {
  const name = uniq("s'); DROP TABLE organization_scopes; --");
  const res = await srv.api('POST', '/organization-scopes', { name });
  expectStatus(res, 201);
  assert.equal(res.json.name, name);
  assert.ok((await list(srv, '/organization-scopes')).some((s) => s.name === name));
});

hostile('a NUL character in a string is stored verbatim or refused with 400', async () => {
  const res = await srv.api('POST', '/organizations', { name: 'nul\u0000inside' });
  assert.ok(res.status === 201 || res.status === 400, `got ${res.status}`);
  if (res.status === 201) {
    const got = (await srv.api('GET', `/organizations/${res.json.id}`)).json;
    assert.equal(got.name, 'nul\u0000inside');
  }
});

// ---------------------------------------------------------------- methods and headers

hostile('an unsupported method on a known route answers a 4xx', async () => {
  for (const method of ['PATCH', 'PUT']) {
    expectClientError(await srv.api(method, '/organizations', {}));
  }
});

hostile('a JSON body sent with a non-JSON content type is refused or parsed, never a 500', async () => {
  const res = await srv.api('POST', '/organizations', undefined, {
    raw: JSON.stringify({ name: uniq('ct') }),
    headers: { 'content-type': 'text/plain' },
  });
  assert.ok([201, 400, 415].includes(res.status), `got ${res.status}`);
});

hostile('many concurrent requests with bad bodies are all answered with 400', async () => {
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => srv.api('POST', '/organizations', undefined, { raw: '{"name":' + i })),
  );
  assert.deepEqual([...new Set(results.map((r) => r.status))], [400]);
});
