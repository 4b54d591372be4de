// Composition helper: the bus named by a URL. No URL means the in-process bus (one process only).
//   redis://host:6379[/db][?prefix=touchpoint:]              Redis pub/sub: at most once
//   nats://host:4222[?prefix=touchpoint&stream=...&max_age_s=86400]  NATS JetStream: at least once, replay
import type { Logger } from '../../lib/logger';
import type { EventBus } from './event-bus-port';
import { InProcessEventBus } from './memory/in-process-event-bus';

export type EventBusKind = 'in-process' | 'redis' | 'nats';

export interface OpenEventBusOptions {
  log?: Logger;
}

export function eventBusKindOf(url: string | null | undefined): EventBusKind {
  if (!url) return 'in-process';
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === 'redis:' || scheme === 'rediss:') return 'redis';
  if (scheme === 'nats:' || scheme === 'tls:') return 'nats';
  throw new Error(`unsupported event bus URL scheme ${JSON.stringify(scheme || url)}: use redis://, rediss:// or nats:// (or none for in-process)`);
}

/** The bus's own settings travel as query parameters; the rest of the URL goes to the broker. */
function splitSettings(url: string): { brokerUrl: string; settings: URLSearchParams } {
  const q = url.indexOf('?');
  if (q < 0) return { brokerUrl: url, settings: new URLSearchParams() };
  return { brokerUrl: url.slice(0, q), settings: new URLSearchParams(url.slice(q + 1)) };
}

function positiveNumber(settings: URLSearchParams, name: string): number | undefined {
  const value = settings.get(name);
  if (value === null) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`event bus setting ${name} must be a positive number`);
  return n;
}

export async function openEventBus(url: string | null | undefined, options: OpenEventBusOptions = {}): Promise<EventBus> {
  const kind = eventBusKindOf(url);
  if (kind === 'in-process') return new InProcessEventBus(options.log);
  const { brokerUrl, settings } = splitSettings(url!);
  if (kind === 'redis') {
    // Loaded on demand, like the MySQL driver: the embedded default needs no broker client.
    const { RedisEventBus } = await import('./redis/redis-event-bus');
    return RedisEventBus.connect({ url: brokerUrl, channelPrefix: settings.get('prefix') ?? undefined, log: options.log });
  }
  const { NatsEventBus } = await import('./nats/nats-event-bus');
  const maxAgeS = positiveNumber(settings, 'max_age_s');
  return NatsEventBus.connect({
    url: brokerUrl,
    subjectPrefix: settings.get('prefix') ?? undefined,
    streamName: settings.get('stream') ?? undefined,
    maxAgeMs: maxAgeS === undefined ? undefined : maxAgeS * 1000,
    log: options.log,
  });
}
