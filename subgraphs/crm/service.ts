// Starts the crm subgraph: the CRM reached over its REST API (or through an adapter of your own),
// identities from the hub store; queries over HTTP, subscriptions over graphql-ws (WebSocket) and
// SSE, fed by the hub's event bus.
import type { EventBus } from '../../adapters/events/event-bus-port';
import type { CrmPort } from '../../adapters/crm/crm-port';
import { CrmHttpAdapter } from '../../adapters/crm/http/crm-http-adapter';
import type { HttpClientOptions } from '../../adapters/http/http-client';
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import type { StatementObserver } from '../../adapters/sql/database';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { claimsVerifierFor } from '../shared/gateway-claims';
import { withCrmRowRules } from './authorization/crm-row-rules';
import { graphqlWsAttachment } from '../shared/graphql-ws-server';
import { listen } from '../shared/listen';
import { ServiceEventBus } from '../shared/service-event-bus';
import type { RunningService } from '../shared/running-service';
import type { CrmContext } from './context';
import { createCrmLoaders } from './loaders';
import { buildCrmSchema } from './schema';
import { ResourceStack } from '../shared/resource-stack';

/** Where the CRM is: the base URL of its REST API for the built-in HTTP adapter, or an adapter of your own. */
export type CrmSource =
  | {
      crmApiUrl: string;
      crmApiKey?: string;
      /** Per HTTP attempt to the CRM. */
      httpTimeoutMs?: number;
      /** Further attempts after a transient CRM failure. */
      httpRetries?: number;
      /** Observes every HTTP attempt to the CRM (for counting calls). */
      onHttpAttempt?: HttpClientOptions['onAttempt'];
      crm?: undefined;
    }
  | {
      /** An already-opened CrmPort (your own adapter); the caller keeps ownership and closes it. */
      crm: CrmPort;
      crmApiUrl?: undefined;
    };

export type CrmServiceOptions = CrmSource & {
  /** The hub store (identity links): `sqlite:<file>` or `mysql://...`. */
  hubDatabaseUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** Observes every SQL statement on the hub store (for counting statements). */
  statementObserver?: StatementObserver;
  /** The hub's event bus (interactions, orders, shipments and mentions of customers); default: an in-process bus of this service's own. */
  eventBus?: EventBus;
  /** Secret shared with the gateway: when set, every GraphQL request must carry the claims it signs. */
  gatewayClaimsSecret?: string;
};

export async function startCrmService(options: CrmServiceOptions): Promise<RunningService> {
  const log = options.log.child({ subgraph: 'crm' });
  const opened = new ResourceStack(log);
  const closeAll = () => opened.closeAll();
  try {
    const events = new ServiceEventBus(options.eventBus);
    opened.push(events);
    let crm: CrmPort;
    if (options.crm) {
      crm = options.crm;
    } else {
      const http = CrmHttpAdapter.create({
        baseUrl: options.crmApiUrl,
        apiKey: options.crmApiKey,
        timeoutMs: options.httpTimeoutMs,
        retries: options.httpRetries,
        onAttempt: options.onHttpAttempt,
      });
      opened.push(http);
      crm = http;
    }
    const hub = await openHubStore(options.hubDatabaseUrl, { observer: options.statementObserver });
    opened.push(hub);
    const { typeDefs, resolvers } = buildCrmSchema();
    const server = createSubgraphServer<CrmContext>({
      name: 'crm',
      typeDefs,
      resolvers: withCrmRowRules(resolvers),
      gatewayClaims: claimsVerifierFor(options.gatewayClaimsSecret),
      log,
      context: (base): CrmContext => {
        const port = crm.forRequest?.(base.requestId) ?? crm;
        return {
          ...base,
          crm: port,
          identities: hub.identities,
          identityResolution: hub.identityResolution,
          events,
          loaders: createCrmLoaders(port, hub.identities, hub.identityResolution),
          renewLoaders() {
            this.loaders = createCrmLoaders(port, hub.identities, hub.identityResolution);
          },
        };
      },
    });
    const listening = await listen(server, options.port, options.host, { webSocket: graphqlWsAttachment(server, { name: 'crm', log }) });
    opened.push(listening);
    return { name: 'crm', url: listening.url, endpoint: `${listening.url}/graphql`, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
