// The peer of bench/run: Node `oidc-provider` (the OpenID Connect engine Logto runs on), configured
// as close to Gatehouse's benchmarked setup as it allows, in one `node` process with the library's
// default in-memory adapter.
//
//   PEER_PORT=4000 PEER_SECRET=... node bench/peer/server.mjs
//
// - one ES256 signing key (P-256, generated at start), JWT access tokens for the resource
//   PEER_RESOURCE (resourceIndicators, accessTokenFormat 'jwt');
// - client `bench-bot`: client_credentials with that resource (the closest thing oidc-provider has
//   to Gatehouse's M2M organization token; it has no organizations);
// - client `bench-web`: authorization_code + refresh_token, confidential (client_secret_basic);
//   refresh tokens are not rotated for it (rotateRefreshToken's default — rotate only public
//   clients or after 70 % of the lifetime — is Gatehouse's policy too);
// - a minimal interaction at /interaction/:uid that signs in the fixed account `bench_user` and
//   grants every scope asked for (setup.mjs drives it through a real authorization code flow).
// Prints "listening <port>" on standard output once it accepts connections.
import crypto from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const port = Number(process.env.PEER_PORT ?? 4000);
const secret = process.env.PEER_SECRET ?? 'bench-secret-bench-secret-bench-secret';
const issuer = `http://127.0.0.1:${port}`;
const resource = process.env.PEER_RESOURCE ?? 'https://api.bench.example.com';
const resourceScopes = 'read:resource remove:member add:member sync:data';
const redirectUri = 'https://bench.example.com/callback';

const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: 'bench-es256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'bench-bot',
      client_secret: secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: 'bench-web',
      client_secret: secret,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  clientDefaults: { id_token_signed_response_alg: 'ES256' },
  jwks: { keys: [jwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  scopes: ['openid', 'offline_access'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => resource,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, indicator) => {
        if (indicator !== resource) throw new Provider.errors.InvalidTarget();
        return { scope: resourceScopes, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'ES256' } } };
      },
    },
  },
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
});

// The interaction: log the fixed user in, then grant what the client asked for.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(req, res, { login: { accountId: 'bench_user' } }, { mergeWithLastSubmission: false });
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((e) => {
      res.statusCode = 500;
      res.end(String(e?.stack ?? e));
    });
    return;
  }
  callback(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
