// The gateway's subscription settings from the environment (read by gateway/main.ts only).
import type { GatewaySubscriptionOptions } from './live-subscriptions';

export const SUBSCRIPTION_USAGE = `Subscriptions (graphql-ws over WebSocket and SSE at the GraphQL path):
  SUBGRAPH_SUBSCRIPTION_TRANSPORT_<NAME>   graphql-ws (default) or sse: how the gateway subscribes to subgraph <name>
  GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION subscriptions one WebSocket may hold at a time (default 100)
  GATEWAY_SUBSCRIPTION_BUFFER              results a client may leave unread before it is closed as too slow (default 256)
  GATEWAY_WS_KEEPALIVE_MS                  WebSocket ping interval in ms, 0 for none (default 12000)
`;

type Env = Record<string, string | undefined>;

function whole(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new Error(`${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function subscriptionSettingsFromEnv(env: Env): GatewaySubscriptionOptions {
  const transports: Record<string, 'graphql-ws' | 'sse'> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_SUBSCRIPTION_TRANSPORT_(.+)$/.exec(key);
    if (!match || !value) continue;
    const transport = value.trim().toLowerCase();
    if (transport !== 'graphql-ws' && transport !== 'sse') throw new Error(`${key} must be graphql-ws or sse, got ${JSON.stringify(value)}`);
    transports[match[1]] = transport;
  }
  const settings: GatewaySubscriptionOptions = {
    maxPerConnection: whole(env.GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION, 'GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION', 1),
    bufferSize: whole(env.GATEWAY_SUBSCRIPTION_BUFFER, 'GATEWAY_SUBSCRIPTION_BUFFER', 1),
    keepAliveMs: whole(env.GATEWAY_WS_KEEPALIVE_MS, 'GATEWAY_WS_KEEPALIVE_MS', 0),
    ...(Object.keys(transports).length > 0 ? { transports } : {}),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as GatewaySubscriptionOptions;
}
