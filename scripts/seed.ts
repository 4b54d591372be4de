// `npm run seed`: creates every store's tables and fills empty stores with the demo data, using the
// same database URLs as the services (for the multi-process and docker-compose deployments).
import { resolve } from 'node:path';
import { createLogger } from '../lib/logger';
import { hubConfigFromEnv } from './hub/hub-config';
import { prepareDemoStores } from './hub/prepare-demo-stores';

const log = createLogger({ name: 'touchpoint-seed', level: process.env.LOG_LEVEL ?? 'info' });
prepareDemoStores(hubConfigFromEnv(process.env, resolve(__dirname, '..')).databases, log).catch((err) => {
  log.error({ err }, 'seeding failed');
  process.exit(1);
});
