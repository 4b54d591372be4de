// The demo parcel carrier: its shipment and tracking API over the demo dataset, so that the hub
// runs out of the box. Demo code, not product code: the product reaches it through adapters/carrier.
import type { Logger } from '../../../lib/logger';
import { generateDemoDataset, type DemoDataset } from '../../data/demo-dataset';
import { keyMatches, startStandInServer, type StandInHandle } from '../shared/standin-server';
import { CarrierStore } from './carrier-store';
import { carrierError, carrierRoutes } from './carrier-routes';

export interface CarrierStandInOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The data served; the default demo dataset when absent. */
  dataset?: DemoDataset;
  /** When set, every request must carry `authorization: Bearer <apiKey>`. */
  apiKey?: string;
  log?: Logger;
}

export function startCarrierStandIn(options: CarrierStandInOptions): Promise<StandInHandle> {
  const store = new CarrierStore(options.dataset ?? generateDemoDataset());
  const expected = options.apiKey ? `Bearer ${options.apiKey}` : undefined;
  return startStandInServer({
    name: 'carrier-standin',
    port: options.port,
    host: options.host,
    router: carrierRoutes(store),
    authorize: (headers) => keyMatches(expected, headers.authorization),
    errorBody: (status, code, message) => carrierError(status, code, message).body,
    log: options.log,
  });
}
