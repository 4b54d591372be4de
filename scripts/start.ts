// `npm start`: the whole hub on the embedded default (SQLite files under .data/) with demo data.
import { resolve } from 'node:path';
import { createLogger } from '../lib/logger';
import { hubConfigFromEnv } from './hub/hub-config';
import { startHub } from './hub/start-hub';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const config = hubConfigFromEnv(process.env, resolve(__dirname, '..'));
  const hub = await startHub(config, log);
  const url = hub.gateway.endpoint.replace('127.0.0.1', 'localhost');
  log.info({ url }, 'Touchpoint hub is running');
  process.stdout.write(`\nTouchpoint is ready: ${url}${config.graphiql ? ' (open it in a browser for GraphiQL)' : ''}\nPress Ctrl-C to stop.\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    hub.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error('Touchpoint failed to start:', err);
  process.exit(1);
});
