import type { ConnectionOptions } from 'nats';

/**
 * Connection options from `nats://[user:pass@|token@]host:port[,nats://host2:port...]`. Query
 * parameters are the bus's own settings and are read by the caller, not sent to NATS.
 */
export function natsConnectionOptions(url: string): ConnectionOptions {
  const urls = url.split(',').map((part) => new URL(part.trim()));
  const first = urls[0]!;
  const options: ConnectionOptions = {
    servers: urls.map((u) => `${u.protocol === 'tls:' ? 'tls://' : ''}${u.hostname}:${u.port || 4222}`),
    name: 'touchpoint-events',
    // Keep trying: the bus must outlive a broker restart.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
  };
  if (first.username && first.password) {
    options.user = decodeURIComponent(first.username);
    options.pass = decodeURIComponent(first.password);
  } else if (first.username) {
    options.token = decodeURIComponent(first.username);
  }
  return options;
}
