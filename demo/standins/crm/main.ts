// Starts the demo CRM stand-in on its own. Env: CRM_STANDIN_PORT (4101), HOST (127.0.0.1),
// CRM_STANDIN_API_KEY (falls back to CRM_API_KEY; no key means open access), LOG_LEVEL.
import { createLogger } from '../../../lib/logger';
import { startCrmStandIn } from './crm-standin';
import { runMain, stopOnSignal } from '../../../lib/process-lifecycle';

async function main(): Promise<void> {
  const log = createLogger({ name: 'crm-standin', level: process.env.LOG_LEVEL ?? 'info' });
  const service = await startCrmStandIn({
    port: Number(process.env.CRM_STANDIN_PORT ?? 4101),
    host: process.env.HOST ?? '127.0.0.1',
    apiKey: process.env.CRM_STANDIN_API_KEY ?? process.env.CRM_API_KEY ?? undefined,
    log,
  });
  log.info({ url: service.url }, 'demo CRM stand-in listening');
  stopOnSignal(() => service.close());
}

runMain(main);
