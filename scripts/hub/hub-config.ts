import { join } from 'node:path';
import { eventSettingsFromEnv } from '../../adapters/events/event-settings';
import { securitySettingsFromEnv, type SecuritySettings } from '../../gateway/auth/security-settings';
import type { GatewaySubscriptionOptions } from '../../gateway/subscriptions/live-subscriptions';
import { subscriptionSettingsFromEnv } from '../../gateway/subscriptions/subscription-settings';
import { DEMO_WEBHOOK_SECRET } from '../../subgraphs/social/demo-webhook-secret';

/** Everything the whole hub needs to start; `hubConfigFromEnv` fills it from the environment. */
export interface HubConfig {
  host: string;
  gatewayPort: number;
  ports: { crm: number; erp: number; inventory: number; shipping: number; social: number; crmStandIn: number; carrierStandIn: number };
  databases: { erp: string; inventory: string; social: string; hub: string };
  /** Upstream legacy APIs; when unset, the demo stand-ins are started and used. */
  crmApiUrl: string | null;
  carrierApiUrl: string | null;
  crmApiKey: string | null;
  carrierApiKey: string | null;
  socialWebhookSecret: string;
  /** Create the legacy tables and fill them with demo data where a store is empty. */
  seedDemoData: boolean;
  graphiql: boolean;
  introspection: boolean;
  corsOrigins: string[] | false;
  supergraphPath: string;
  /** Where events travel: `redis://...` or `nats://...`; null or absent: in-process (this hub only). */
  eventBusUrl?: string | null;
  /** Listen for changes written straight into the ERP, the warehouse and the CRM (default true). */
  changeCapture?: boolean;
  /** Poll interval of change capture and of the outbox relay (default 500 ms). */
  changeCaptureIntervalMs?: number;
  /** Authentication, signed claims for the subgraphs, partner contracts and limits (absent: none of them, no cost budget). */
  security?: SecuritySettings;
  /** The gateway's subscription settings: transport per subgraph, limits per connection and client, keep-alives. */
  subscriptions?: GatewaySubscriptionOptions;
}

export const DEFAULT_PORTS: HubConfig['ports'] = { crm: 4001, erp: 4002, inventory: 4003, shipping: 4004, social: 4005, crmStandIn: 4101, carrierStandIn: 4102 };

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port: ${value}`);
  return n;
}

/** The demo secret is public: fine for `npm start`, refused in production. */
function webhookSecret(env: NodeJS.ProcessEnv, production: boolean): string {
  if (env.SOCIAL_WEBHOOK_SECRET) return env.SOCIAL_WEBHOOK_SECRET;
  if (production) throw new Error('SOCIAL_WEBHOOK_SECRET must be set when NODE_ENV=production');
  return DEMO_WEBHOOK_SECRET;
}

export function hubConfigFromEnv(env: NodeJS.ProcessEnv, root: string): HubConfig {
  const dataDir = env.TOUCHPOINT_DATA_DIR ?? join(root, '.data');
  const production = env.NODE_ENV === 'production';
  return {
    ...eventSettingsFromEnv(env),
    host: env.HOST ?? '127.0.0.1',
    gatewayPort: port(env.GATEWAY_PORT ?? env.PORT, 4000),
    ports: {
      crm: port(env.CRM_PORT, DEFAULT_PORTS.crm),
      erp: port(env.ERP_PORT, DEFAULT_PORTS.erp),
      inventory: port(env.INVENTORY_PORT, DEFAULT_PORTS.inventory),
      shipping: port(env.SHIPPING_PORT, DEFAULT_PORTS.shipping),
      social: port(env.SOCIAL_PORT, DEFAULT_PORTS.social),
      crmStandIn: port(env.CRM_STANDIN_PORT, DEFAULT_PORTS.crmStandIn),
      carrierStandIn: port(env.CARRIER_STANDIN_PORT, DEFAULT_PORTS.carrierStandIn),
    },
    databases: {
      erp: env.ERP_DATABASE_URL ?? `sqlite:${join(dataDir, 'erp.sqlite')}`,
      inventory: env.INVENTORY_DATABASE_URL ?? `sqlite:${join(dataDir, 'inventory.sqlite')}`,
      social: env.SOCIAL_DATABASE_URL ?? `sqlite:${join(dataDir, 'social.sqlite')}`,
      hub: env.HUB_DATABASE_URL ?? `sqlite:${join(dataDir, 'hub.sqlite')}`,
    },
    crmApiUrl: env.CRM_API_URL || null,
    carrierApiUrl: env.CARRIER_API_URL || null,
    crmApiKey: env.CRM_API_KEY || null,
    carrierApiKey: env.CARRIER_API_KEY || null,
    socialWebhookSecret: webhookSecret(env, production),
    seedDemoData: flag(env.SEED_DEMO_DATA, true),
    graphiql: flag(env.GRAPHIQL, !production),
    introspection: flag(env.INTROSPECTION, !production),
    corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean) : false,
    supergraphPath: env.SUPERGRAPH_PATH ?? join(root, 'schema', 'supergraph.graphql'),
    security: securitySettingsFromEnv(env, { contractsDir: join(root, 'schema', 'contracts'), contracts: 'all' }),
    subscriptions: subscriptionSettingsFromEnv(env),
  };
}
