// Sends N identical form POSTs one after another over one keep-alive connection and fails on the
// first non-200. Usage: node profile-requests.mjs <url> <form body> <authorization> <n>
import http from 'node:http';

const [url, body, authorization, n] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post() {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
        authorization,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200
        ? resolve()
        : reject(new Error(`${res.statusCode} ${Buffer.concat(chunks)}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

for (let i = 0; i < Number(n); i++) await post();
agent.destroy();
