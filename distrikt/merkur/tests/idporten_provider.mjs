// A local OpenID Connect provider for the ID-porten login tests (node-oidc-provider, a
// certified OpenID Provider). Started by the `idporten_provider` fixture in
// test_idporten_login.py; prints "ready" once it listens.
//
// Like ID-porten where the tests look: the id_token carries `pid` (the national identity
// number), `acr` and `amr`; the client authenticates with client_secret_basic and must use
// PKCE; there is no consent screen; RP-initiated logout works. A person logs in on the
// provider's development login page by typing their pid as the login name.
//
// Configured by the environment: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI,
// POST_LOGOUT_REDIRECT_URI.

import { createHash, generateKeyPairSync } from 'node:crypto';

import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };

// ID-porten's `sub` is pairwise: a stable value per person and client, not the pid.
const pairwiseSubject = (pid) => createHash('sha256').update(`${process.env.CLIENT_ID}:${pid}`).digest('base64url');

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uris: [process.env.REDIRECT_URI],
      post_logout_redirect_uris: [process.env.POST_LOGOUT_REDIRECT_URI],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['test-only-cookie-key'] },
  acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
  claims: { openid: ['sub', 'pid', 'locale'], profile: [] },
  // ID-porten puts every claim in the id_token, also in the code flow.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  async findAccount(ctx, pid) {
    return {
      accountId: pid,
      async claims() {
        return { sub: pairwiseSubject(pid), pid, locale: 'nb' };
      },
    };
  },
  // ID-porten asks no consent of the person for a login: grant the scopes the client asks for.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
});

// The development login records no level of assurance; ID-porten always does. This one
// logs everybody in as a MinID login would: at `idporten-loa-substantial`.
const interactionFinished = provider.interactionFinished.bind(provider);
provider.interactionFinished = (req, res, result, options) => interactionFinished(
  req,
  res,
  result.login ? { ...result, login: { ...result.login, acr: 'idporten-loa-substantial', amr: ['TestID'] } } : result,
  options,
);

provider.listen(port, '127.0.0.1', () => {
  console.log('ready');
});
