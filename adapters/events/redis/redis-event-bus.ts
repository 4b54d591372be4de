// The event bus on Redis pub/sub. Delivery is AT MOST ONCE: Redis keeps nothing, so a subscriber
// that is disconnected (or not yet subscribed) when an event is published never sees it. Events of
// one publisher reach each subscriber in publish order. Use it where a missed event only delays a
// screen until the next one (live updates); use NATS JetStream where replay matters.
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../../../lib/logger';
import { silentLogger } from '../../../lib/logger';
import type { EventBus, EventHandler, HubEvent, HubTopic } from '../event-bus-port';
import { parseHubEvent, requireHubEvent } from '../hub-topics';
import { TopicFanout } from '../topic-fanout';

export interface RedisEventBusOptions {
  /** `redis://[user:pass@]host:port[/db]` or `rediss://` for TLS. */
  url: string;
  /** Prepended to every channel name, so that several hubs (or test runs) can share one Redis. */
  channelPrefix?: string;
  log?: Logger;
  /** Extra ioredis options (timeouts, TLS). */
  redis?: RedisOptions;
}

export class RedisEventBus implements EventBus {
  private readonly fanout: TopicFanout;
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    this.fanout = new TopicFanout({
      open: async (topic) => {
        await this.subscriber.subscribe(this.channel(topic));
      },
      close: async (topic) => {
        if (!this.closed) await this.subscriber.unsubscribe(this.channel(topic));
      },
      onHandlerError: (err, topic) => this.log.error({ err, topic }, 'event subscriber failed'),
    });
    this.subscriber.on('message', (channel: string, message: string) => this.receive(channel, message));
  }

  /** Connects both connections (a subscribing Redis connection can do nothing else). */
  static async connect(options: RedisEventBusOptions): Promise<RedisEventBus> {
    const log = options.log ?? silentLogger;
    const redisOptions: RedisOptions = {
      lazyConnect: true,
      // A publish fails after a few reconnection attempts instead of waiting forever.
      maxRetriesPerRequest: 3,
      connectionName: 'touchpoint-events',
      ...options.redis,
    };
    const publisher = new Redis(options.url, redisOptions);
    const subscriber = new Redis(options.url, redisOptions);
    for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
      // Without a listener ioredis prints reconnection errors itself; report them once, structured.
      client.on('error', (err: Error) => log.warn({ err, role }, 'redis event bus connection error'));
    }
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw new Error(`the event bus could not connect to Redis at ${redactUrl(options.url)}`, { cause: error });
    }
    return new RedisEventBus(publisher, subscriber, options.channelPrefix ?? 'touchpoint:', log);
  }

  async publish<T extends HubTopic>(event: HubEvent<T>): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    requireHubEvent(event);
    await this.publisher.publish(this.channel(event.topic), JSON.stringify(event));
  }

  async subscribe<T extends HubTopic>(topic: T, handler: EventHandler<T>): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('event bus is closed');
    return this.fanout.add(topic, handler);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fanout.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  private channel(topic: HubTopic): string {
    return `${this.prefix}${topic}`;
  }

  private receive(channel: string, message: string): void {
    if (this.closed || !channel.startsWith(this.prefix)) return;
    const event = parseHubEvent(message, channel.slice(this.prefix.length) as HubTopic);
    if (!event) {
      this.log.warn({ channel }, 'ignored a message that is not a hub event');
      return;
    }
    this.fanout.dispatch(event);
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
