// Starts the social subgraph: the social store, the hub store (identities, webhook nonces), the
// GraphQL endpoint (queries over HTTP, subscriptions over graphql-ws and SSE) and the signed mention
// webhook on the same server; every newly stored mention is raised on the hub's bus.
import type { EventBus } from '../../adapters/events/event-bus-port';
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { openSocialStore } from '../../adapters/social/sql/social-sql-store';
import type { StatementObserver } from '../../adapters/sql/database';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { claimsVerifierFor } from '../shared/gateway-claims';
import { graphqlWsAttachment } from '../shared/graphql-ws-server';
import { listen } from '../shared/listen';
import { ServiceEventBus } from '../shared/service-event-bus';
import type { RunningService } from '../shared/running-service';
import type { SocialContext } from './context';
import { createSocialLoaders } from './loaders';
import { publishingMentionEvents } from './publish-mention-events';
import { buildSocialSchema } from './schema';
import { DEFAULT_LISTENING_POLICY, requireValidPolicy, type ListeningPolicy } from '../../adapters/social/listening/listening-policy';
import { useMentionWebhook } from './webhook/use-mention-webhook';
import { ResourceStack } from '../shared/resource-stack';

export interface SocialServiceOptions {
  /** The social store: `sqlite:<file>` or `mysql://...`. */
  socialDatabaseUrl: string;
  /** The hub store (identity links, webhook nonces): `sqlite:<file>` or `mysql://...`. */
  hubDatabaseUrl: string;
  /** Shared secret that signs POST /webhooks/mentions. */
  webhookSecret: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** Observes every SQL statement on both stores (for counting statements). */
  statementObserver?: StatementObserver;
  /** The clock the webhook checks timestamps against (tests). */
  now?: () => Date;
  /** The hub's event bus (mention.received is raised on it); default: an in-process bus of this service's own. */
  eventBus?: EventBus;
  /** Secret shared with the gateway: when set, every GraphQL request must carry the claims it signs. */
  gatewayClaimsSecret?: string;
  /** Social listening: complaint and praise weights, influential/vocal thresholds (defaults: DEFAULT_LISTENING_POLICY). */
  listeningPolicy?: Partial<ListeningPolicy>;
}

export async function startSocialService(options: SocialServiceOptions): Promise<RunningService> {
  if (!options.webhookSecret) throw new Error('the social subgraph needs a webhook secret');
  const listeningPolicy = requireValidPolicy({ ...DEFAULT_LISTENING_POLICY, ...options.listeningPolicy });
  const log = options.log.child({ subgraph: 'social' });
  const opened = new ResourceStack(log);
  const closeAll = () => opened.closeAll();
  try {
    const events = new ServiceEventBus(options.eventBus);
    opened.push(events);
    const hub = await openHubStore(options.hubDatabaseUrl, { observer: options.statementObserver });
    opened.push(hub);
    const social = await openSocialStore(options.socialDatabaseUrl, { observer: options.statementObserver });
    opened.push(social);
    const { typeDefs, resolvers } = buildSocialSchema();
    const server = createSubgraphServer<SocialContext>({
      name: 'social',
      typeDefs,
      resolvers,
      gatewayClaims: claimsVerifierFor(options.gatewayClaimsSecret),
      log,
      context: (base): SocialContext => ({
        ...base,
        social,
        events,
        loaders: createSocialLoaders(social, { stats: social.listening, policy: listeningPolicy }),
        renewLoaders() {
          this.loaders = createSocialLoaders(social, { stats: social.listening, policy: listeningPolicy });
        },
      }),
      plugins: [
        useMentionWebhook({
          secret: options.webhookSecret,
          nonces: hub.nonces,
          identities: hub.identities,
          social: publishingMentionEvents(social, events, log),
          log,
          now: options.now,
        }),
      ],
    });
    const listening = await listen(server, options.port, options.host, { webSocket: graphqlWsAttachment(server, { name: 'social', log }) });
    opened.push(listening);
    return { name: 'social', url: listening.url, endpoint: `${listening.url}/graphql`, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
