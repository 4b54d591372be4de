// The demo CRM: a legacy REST API over the demo dataset, so that the hub runs out of the box.
// It is demo code, not product code: the product reaches any CRM through adapters/crm.
import type { Logger } from '../../../lib/logger';
import { generateDemoDataset, type DemoDataset } from '../../data/demo-dataset';
import { keyMatches, startStandInServer, type StandInHandle } from '../shared/standin-server';
import { CrmStore } from './crm-store';
import { crmError, crmRoutes } from './crm-routes';

export interface CrmStandInOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The data served; the default demo dataset when absent. */
  dataset?: DemoDataset;
  /** When set, every request must carry it in the `x-api-key` header. */
  apiKey?: string;
  log?: Logger;
}

export const CRM_API_KEY_HEADER = 'x-api-key';

export function startCrmStandIn(options: CrmStandInOptions): Promise<StandInHandle> {
  const store = new CrmStore(options.dataset ?? generateDemoDataset());
  return startStandInServer({
    name: 'crm-standin',
    port: options.port,
    host: options.host,
    router: crmRoutes(store),
    authorize: (headers) => keyMatches(options.apiKey, headers[CRM_API_KEY_HEADER]),
    errorBody: (status, code, message) => crmError(status, code, message).body,
    log: options.log,
  });
}
