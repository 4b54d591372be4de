// Starts the shipping subgraph: shipments and tracking from the parcel carrier's HTTP API (or
// through an adapter of your own); queries over HTTP, subscriptions over graphql-ws (WebSocket)
// and SSE, fed by the hub's event bus.
import type { EventBus } from '../../adapters/events/event-bus-port';
import type { CarrierPort } from '../../adapters/carrier/carrier-port';
import { CarrierHttpAdapter } from '../../adapters/carrier/http/carrier-http-adapter';
import type { HttpClientOptions } from '../../adapters/http/http-client';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { claimsVerifierFor } from '../shared/gateway-claims';
import { graphqlWsAttachment } from '../shared/graphql-ws-server';
import { listen } from '../shared/listen';
import { ServiceEventBus } from '../shared/service-event-bus';
import type { RunningService } from '../shared/running-service';
import type { ShippingContext } from './context';
import { createShippingLoaders } from './loaders';
import { buildShippingSchema } from './schema';
import { ResourceStack } from '../shared/resource-stack';

/** Where the carrier is: the base URL of its API for the built-in HTTP adapter, or an adapter of your own. */
export type CarrierSource =
  | {
      carrierApiUrl: string;
      carrierApiKey?: string;
      /** Per HTTP attempt to the carrier. */
      httpTimeoutMs?: number;
      /** Further attempts after a transient carrier failure. */
      httpRetries?: number;
      /** Observes every HTTP attempt to the carrier (for counting calls). */
      onHttpAttempt?: HttpClientOptions['onAttempt'];
      carrier?: undefined;
    }
  | {
      /** An already-opened CarrierPort (your own adapter); the caller keeps ownership and closes it. */
      carrier: CarrierPort;
      carrierApiUrl?: undefined;
    };

export type ShippingServiceOptions = CarrierSource & {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** The hub's event bus (shipment.updated); default: an in-process bus of this service's own. */
  eventBus?: EventBus;
  /** Secret shared with the gateway: when set, every GraphQL request must carry the claims it signs. */
  gatewayClaimsSecret?: string;
};

export async function startShippingService(options: ShippingServiceOptions): Promise<RunningService> {
  const log = options.log.child({ subgraph: 'shipping' });
  const opened = new ResourceStack(log);
  const closeAll = () => opened.closeAll();
  try {
    const events = new ServiceEventBus(options.eventBus);
    opened.push(events);
    let carrier: CarrierPort;
    if (options.carrier) {
      carrier = options.carrier;
    } else {
      const http = CarrierHttpAdapter.create({
        baseUrl: options.carrierApiUrl,
        apiKey: options.carrierApiKey,
        timeoutMs: options.httpTimeoutMs,
        retries: options.httpRetries,
        onAttempt: options.onHttpAttempt,
      });
      opened.push(http);
      carrier = http;
    }
    const { typeDefs, resolvers } = buildShippingSchema();
    const server = createSubgraphServer<ShippingContext>({
      name: 'shipping',
      typeDefs,
      resolvers,
      gatewayClaims: claimsVerifierFor(options.gatewayClaimsSecret),
      log,
      context: (base): ShippingContext => {
        const port = carrier.forRequest?.(base.requestId) ?? carrier;
        return {
          ...base,
          carrier: port,
          events,
          loaders: createShippingLoaders(port),
          renewLoaders() {
            this.loaders = createShippingLoaders(port);
          },
        };
      },
    });
    const listening = await listen(server, options.port, options.host, { webSocket: graphqlWsAttachment(server, { name: 'shipping', log }) });
    opened.push(listening);
    return { name: 'shipping', url: listening.url, endpoint: `${listening.url}/graphql`, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
