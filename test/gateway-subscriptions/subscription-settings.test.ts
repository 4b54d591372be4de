// Configuration of the gateway's subscriptions: environment variables, transport names as
// environment variables spell them, the bearer token's expiry, the connection's headers.
import type { IncomingMessage } from 'node:http';
import { connectionHeaders } from '../../gateway/subscriptions/connection-request';
import { subscriptionSettingsFromEnv } from '../../gateway/subscriptions/subscription-settings';
import { resolveSubscriptionTransports } from '../../gateway/subscriptions/subscription-transports';
import { bearerTokenExpiry } from '../../gateway/subscriptions/token-expiry';
import { sharingKey } from '../../gateway/engine/subscriptions/subscription-key';
import { unsignedJwt } from './support/live-fixture';

describe('subscription settings', () => {
  it('has no settings of its own by default (the gateway defaults apply)', () => {
    expect(subscriptionSettingsFromEnv({})).toEqual({});
  });

  it('reads transports per subgraph, the per-connection limit, the client buffer and the keep-alive', () => {
    expect(
      subscriptionSettingsFromEnv({
        SUBGRAPH_SUBSCRIPTION_TRANSPORT_INVENTORY: 'sse',
        SUBGRAPH_SUBSCRIPTION_TRANSPORT_ERP: 'GRAPHQL-WS',
        GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION: '20',
        GATEWAY_SUBSCRIPTION_BUFFER: '64',
        GATEWAY_WS_KEEPALIVE_MS: '0',
      }),
    ).toEqual({ transports: { INVENTORY: 'sse', ERP: 'graphql-ws' }, maxPerConnection: 20, bufferSize: 64, keepAliveMs: 0 });
  });

  it('refuses values it cannot understand', () => {
    expect(() => subscriptionSettingsFromEnv({ SUBGRAPH_SUBSCRIPTION_TRANSPORT_ERP: 'websocket' })).toThrow('SUBGRAPH_SUBSCRIPTION_TRANSPORT_ERP must be graphql-ws or sse');
    expect(() => subscriptionSettingsFromEnv({ GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION: '0' })).toThrow('at least 1');
    expect(() => subscriptionSettingsFromEnv({ GATEWAY_SUBSCRIPTION_BUFFER: 'lots' })).toThrow('GATEWAY_SUBSCRIPTION_BUFFER must be a whole number');
  });

  it('matches transport names to subgraphs as environment variables spell them, and fails on an unknown one', () => {
    const subgraphs = [{ name: 'inventory-v2' }, { name: 'erp' }];
    expect(resolveSubscriptionTransports(subgraphs, { INVENTORY_V2: 'sse', erp: 'graphql-ws' })).toEqual({ 'inventory-v2': 'sse', erp: 'graphql-ws' });
    expect(() => resolveSubscriptionTransports(subgraphs, { CRM: 'sse' })).toThrow('subscription transport for unknown subgraph "CRM"');
  });
});

describe('what a subscription is keyed and bounded by', () => {
  it("reads a bearer JWT's exp without verifying it, and nothing from other credentials", () => {
    expect(bearerTokenExpiry(`Bearer ${unsignedJwt({ sub: 'a', exp: 1_900_000_000 })}`)).toBe(1_900_000_000);
    expect(bearerTokenExpiry(`Bearer ${unsignedJwt({ sub: 'a' })}`)).toBeNull();
    expect(bearerTokenExpiry('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerTokenExpiry('Bearer not-a-jwt')).toBeNull();
    expect(bearerTokenExpiry(null)).toBeNull();
  });

  it('keys sharing by document, variables (in any key order) and credentials, never by request id', () => {
    const base = { documentHash: 'd', operationName: null, variables: { a: 1, b: [1, 2] }, headers: { authorization: 'Bearer x', 'x-request-id': 'r1' }, ignoredHeaders: new Set<string>() };
    const key = sharingKey(base);
    expect(sharingKey({ ...base, variables: { b: [1, 2], a: 1 }, headers: { 'x-request-id': 'r2', authorization: 'Bearer x' } })).toBe(key);
    expect(sharingKey({ ...base, headers: { authorization: 'Bearer y' } })).not.toBe(key);
    expect(sharingKey({ ...base, variables: { a: 2, b: [1, 2] } })).not.toBe(key);
    expect(sharingKey({ ...base, documentHash: 'e' })).not.toBe(key);
    expect(key).not.toContain('Bearer');
    const signed = { ...base, headers: { ...base.headers, 'x-signed': 'per-request' }, ignoredHeaders: new Set(['x-signed']) };
    expect(sharingKey(signed)).toBe(key);
  });

  it("gives a WebSocket operation the upgrade request's headers, then the init payload's, then its own request id", () => {
    const upgrade = { headers: { host: 'gw', 'sec-websocket-key': 'k', cookie: 'c=1', authorization: 'Bearer upgrade' }, url: '/graphql' } as unknown as IncomingMessage;
    const headers = connectionHeaders(upgrade, { headers: { Authorization: 'Bearer params' }, 'x-tenant': 't1', nested: { no: 'pe' } }, { requestId: 'op-7' });
    expect(Object.fromEntries(headers.entries())).toEqual({ authorization: 'Bearer params', cookie: 'c=1', 'x-tenant': 't1', 'x-request-id': 'op-7' });
  });
});
