// The gateway's JWT verification: pinned algorithms, key kinds that cannot be confused, expiry and
// clock skew, issuer and audience, and an identity provider's JWKS over real HTTP (rotation included).
import { createJwtVerifier, type JwtVerifierOptions } from '../../gateway/auth/jwt/jwt-verifier';
import { TokenError } from '../../gateway/auth/jwt/token-error';
import { asymmetric, AUDIENCE, claims, forged, hs256, ISSUER, signingKey, startJwksServer, TEST_JWT_SECRET, unsigned, type JwksServer } from './support/tokens';

const hsVerifier = (extra: Partial<JwtVerifierOptions> = {}) =>
  createJwtVerifier({ secret: TEST_JWT_SECRET, algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, ...extra });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenError);
  return (error as TokenError).message;
}

describe('HS256 tokens', () => {
  it('accepts a well-signed token and returns its claims', async () => {
    const verified = await hsVerifier().verify(hs256(claims({ sub: 'C-000001', role: 'customer' })));
    expect(verified).toMatchObject({ sub: 'C-000001', role: 'customer', iss: ISSUER, aud: AUDIENCE });
  });

  it('refuses a forged signature, a tampered payload and alg none', async () => {
    const verifier = hsVerifier();
    expect(await refusal(verifier.verify(forged(claims({ sub: 'C-000001' }))))).toBe('the token signature is invalid');
    const [header, , signature] = hs256(claims({ sub: 'C-000001', role: 'customer' })).split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims({ sub: 'C-000001', role: 'agent' }))).toString('base64url')}.${signature}`;
    expect(await refusal(verifier.verify(tampered))).toBe('the token signature is invalid');
    expect(await refusal(verifier.verify(unsigned(claims({ sub: 'C-000001' }))))).toBe('the token algorithm is not accepted');
  });

  it('refuses expired tokens beyond the clock skew, and tokens not valid yet', async () => {
    const seconds = Math.floor(Date.now() / 1000);
    const verifier = hsVerifier({ clockSkewSeconds: 30 });
    expect(await refusal(verifier.verify(hs256(claims({ sub: 'x', exp: seconds - 31 }))))).toBe('the token has expired');
    await expect(verifier.verify(hs256(claims({ sub: 'x', exp: seconds - 10 })))).resolves.toMatchObject({ sub: 'x' });
    expect(await refusal(verifier.verify(hs256(claims({ sub: 'x', nbf: seconds + 120 }))))).toBe('the token is not valid yet');
    expect(await refusal(verifier.verify(hs256(claims({ sub: 'x', iat: seconds + 120 }))))).toBe('the token is issued in the future');
    const { exp: _exp, ...noExpiry } = claims({ sub: 'x' });
    expect(await refusal(verifier.verify(hs256(noExpiry)))).toBe('the token has no expiry');
  });

  it('refuses another issuer or audience', async () => {
    const verifier = hsVerifier();
    expect(await refusal(verifier.verify(hs256(claims({ sub: 'x', iss: 'https://evil.example/' }))))).toBe('the token is from another issuer');
    expect(await refusal(verifier.verify(hs256(claims({ sub: 'x', aud: ['other-api'] }))))).toBe('the token is meant for another audience');
    await expect(verifier.verify(hs256(claims({ sub: 'x', aud: ['other-api', AUDIENCE] })))).resolves.toMatchObject({ sub: 'x' });
  });

  it('refuses malformed tokens and headers it does not understand', async () => {
    const verifier = hsVerifier();
    expect(await refusal(verifier.verify('not.a.jwt.at.all'))).toBe('the token is not a signed JWT');
    expect(await refusal(verifier.verify('e30.e30'))).toBe('the token is not a signed JWT');
    expect(await refusal(verifier.verify(hs256(claims({ sub: 'x' }), TEST_JWT_SECRET, { crit: ['b64'] })))).toContain('critical header');
    expect(await refusal(verifier.verify('x'.repeat(9000)))).toBe('the token is too long');
  });

  it('refuses a configuration that could not be safe', () => {
    expect(() => createJwtVerifier({ secret: 'short', algorithms: ['HS256'] })).toThrow('at least 32 bytes');
    expect(() => createJwtVerifier({ secret: TEST_JWT_SECRET, algorithms: ['none'] })).toThrow('unsupported JWT algorithm');
    expect(() => createJwtVerifier({ secret: TEST_JWT_SECRET, algorithms: ['RS256'] })).toThrow('needs a JWKS URL');
    expect(() => createJwtVerifier({ jwks: 'http://127.0.0.1:1/jwks', algorithms: ['HS256'] })).toThrow('needs a shared secret');
  });
});

describe('tokens signed by an identity provider (JWKS over HTTP)', () => {
  const rsa = signingKey('RS256', 'rsa-1');
  const ec = signingKey('ES256', 'ec-1');
  let jwks: JwksServer;
  beforeAll(async () => {
    jwks = await startJwksServer([rsa, ec]);
  });
  afterAll(() => jwks.close());

  const jwksVerifier = () => createJwtVerifier({ jwks: jwks.url, algorithms: ['RS256', 'ES256'], issuer: ISSUER, audience: AUDIENCE });

  it('accepts RS256 and ES256 tokens signed by the keys the provider publishes', async () => {
    const verifier = jwksVerifier();
    await expect(verifier.verify(asymmetric(claims({ sub: 'agent-1' }), rsa))).resolves.toMatchObject({ sub: 'agent-1' });
    await expect(verifier.verify(asymmetric(claims({ sub: 'agent-2' }), ec))).resolves.toMatchObject({ sub: 'agent-2' });
  });

  it('refuses HS/RS confusion: an HS256 token whose secret is the RSA public key', async () => {
    const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const confused = hs256(claims({ sub: 'agent-1' }), publicPem, { kid: rsa.kid });
    expect(await refusal(jwksVerifier().verify(confused))).toBe('the token algorithm is not accepted');
    // Even with HS256 pinned next to a JWKS, the secret is the only HMAC key: the public key never is.
    const both = createJwtVerifier({ secret: TEST_JWT_SECRET, jwks: jwks.url, algorithms: ['HS256', 'RS256'] });
    expect(await refusal(both.verify(confused))).toBe('the token signature is invalid');
  });

  it('refuses a token naming an algorithm its key is not for, and one signed by an unpublished key', async () => {
    // An ES256 signature presented as RS256 under the EC key's id.
    const mislabelled = asymmetric(claims({ sub: 'x' }), ec, { alg: 'RS256' });
    expect(await refusal(jwksVerifier().verify(mislabelled))).toBe('no signing key fits the token');
    const stranger = signingKey('RS256', 'rsa-1');
    expect(await refusal(jwksVerifier().verify(asymmetric(claims({ sub: 'x' }), stranger)))).toBe('the token signature is invalid');
  });

  it('fetches the key set again when a token names a new key id (rotation), not for every token', async () => {
    const verifier = jwksVerifier();
    await verifier.verify(asymmetric(claims({ sub: 'x' }), rsa));
    await verifier.verify(asymmetric(claims({ sub: 'y' }), rsa));
    const before = jwks.fetches();
    const rotated = signingKey('RS256', 'rsa-2');
    jwks.keys = [rotated, rsa];
    await expect(verifier.verify(asymmetric(claims({ sub: 'z' }), rotated))).resolves.toMatchObject({ sub: 'z' });
    expect(jwks.fetches()).toBe(before + 1);
    // Unknown key ids do not make the gateway hammer the provider: one refetch per cooldown.
    for (let i = 0; i < 5; i++) await refusal(verifier.verify(asymmetric(claims({ sub: 'x' }), signingKey('ES256', `made-up-${i}`))));
    expect(jwks.fetches()).toBe(before + 1);
  });
});
