// Starts the shipping subgraph: shipments and tracking from the parcel carrier's HTTP API.
import { CarrierHttpAdapter } from '../../adapters/carrier/http/carrier-http-adapter';
import type { HttpClientOptions } from '../../adapters/http/http-client';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { listen } from '../shared/listen';
import type { RunningService } from '../shared/running-service';
import type { ShippingContext } from './context';
import { createShippingLoaders } from './loaders';
import { buildShippingSchema } from './schema';

export interface ShippingServiceOptions {
  /** Base URL of the carrier's API. */
  carrierApiUrl: string;
  carrierApiKey?: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** Per HTTP attempt to the carrier. */
  httpTimeoutMs?: number;
  /** Further attempts after a transient carrier failure. */
  httpRetries?: number;
  /** Observes every HTTP attempt to the carrier (for counting calls). */
  onHttpAttempt?: HttpClientOptions['onAttempt'];
}

export async function startShippingService(options: ShippingServiceOptions): Promise<RunningService> {
  const log = options.log.child({ subgraph: 'shipping' });
  const carrier = CarrierHttpAdapter.create({
    baseUrl: options.carrierApiUrl,
    apiKey: options.carrierApiKey,
    timeoutMs: options.httpTimeoutMs,
    retries: options.httpRetries,
    onAttempt: options.onHttpAttempt,
  });
  try {
    const { typeDefs, resolvers } = buildShippingSchema();
    const server = createSubgraphServer<ShippingContext>({
      name: 'shipping',
      typeDefs,
      resolvers,
      log,
      context: (base) => {
        const port = carrier.forRequest(base.requestId);
        return { ...base, carrier: port, loaders: createShippingLoaders(port) };
      },
    });
    const listening = await listen(server, options.port, options.host);
    return {
      name: 'shipping',
      url: listening.url,
      endpoint: `${listening.url}/graphql`,
      close: async () => {
        await listening.close();
        await carrier.close();
      },
    };
  } catch (error) {
    await carrier.close();
    throw error;
  }
}
