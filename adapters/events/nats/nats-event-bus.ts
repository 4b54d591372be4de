// The event bus on NATS JetStream. Delivery is AT LEAST ONCE WITH REPLAY: every event is stored in
// a durable stream (file storage, kept `maxAgeMs`) before publish resolves; each topic is read by an
// ordered consumer that, after a disconnect or a missed message, resumes from the last stream
// sequence it handed over, so events published meanwhile are replayed, not lost. An event may
// then arrive twice: JetStream drops a re-published id within the duplicate window, and the bus
// drops ids it has already delivered (the last 10,000 per process); consumers that keep state
// should still de-duplicate by event id. Events reach each subscriber in stream order.
import {
  connect,
  DeliverPolicy,
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { Logger } from '../../../lib/logger';
import { silentLogger } from '../../../lib/logger';
import type { EventBus, EventHandler, HubEvent, HubTopic } from '../event-bus-port';
import { parseHubEvent, requireHubEvent } from '../hub-topics';
import { RecentIds } from '../recent-ids';
import { TopicFanout } from '../topic-fanout';
import { natsConnectionOptions } from './nats-connection-url';

export interface NatsEventBusOptions {
  /** `nats://[user:pass@]host:port`, several separated by commas. */
  url: string;
  /** Subject prefix (`<prefix>.<topic>`); one token, e.g. `touchpoint`. */
  subjectPrefix?: string;
  /** The JetStream stream holding the events; derived from the prefix when absent. */
  streamName?: string;
  /** How long the stream keeps events for replay (default one day). */
  maxAgeMs?: number;
  /** Within this window a re-published event id is stored once (default two minutes). */
  duplicateWindowMs?: number;
  log?: Logger;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const encoder = new TextEncoder();

export function streamNameFor(prefix: string): string {
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase()}_EVENTS`;
}

export class NatsEventBus implements EventBus {
  private readonly fanout: TopicFanout;
  private readonly consumers = new Map<HubTopic, ConsumerMessages>();
  private readonly seen = new RecentIds(10_000);
  private closed = false;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly prefix: string,
    readonly streamName: string,
    private readonly log: Logger,
  ) {
    this.fanout = new TopicFanout({
      open: (topic) => this.openConsumer(topic),
      close: (topic) => this.closeConsumer(topic),
      onHandlerError: (err, topic) => this.log.error({ err, topic }, 'event subscriber failed'),
    });
  }

  static async connect(options: NatsEventBusOptions): Promise<NatsEventBus> {
    const log = options.log ?? silentLogger;
    const prefix = options.subjectPrefix ?? 'touchpoint';
    if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error(`the NATS subject prefix must be one token of letters, digits, _ or -: ${JSON.stringify(prefix)}`);
    const streamName = options.streamName ?? streamNameFor(prefix);
    let nc: NatsConnection;
    try {
      nc = await connect(natsConnectionOptions(options.url));
    } catch (error) {
      throw new Error('the event bus could not connect to NATS', { cause: error });
    }
    try {
      const jsm = await nc.jetstreamManager();
      await ensureStream(jsm, {
        name: streamName,
        subjects: [`${prefix}.>`],
        maxAgeMs: options.maxAgeMs ?? DAY_MS,
        duplicateWindowMs: options.duplicateWindowMs ?? 2 * 60 * 1000,
      });
      const bus = new NatsEventBus(nc, jsm, nc.jetstream(), prefix, streamName, log);
      bus.watchStatus().catch(() => undefined);
      return bus;
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish<T extends HubTopic>(event: HubEvent<T>): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    requireHubEvent(event);
    // msgID lets JetStream store a re-published event (an outbox relay retrying) only once.
    await this.js.publish(this.subject(event.topic), encoder.encode(JSON.stringify(event)), { msgID: event.id });
  }

  async subscribe<T extends HubTopic>(topic: T, handler: EventHandler<T>): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('event bus is closed');
    return this.fanout.add(topic, handler);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fanout.clear();
    await Promise.allSettled([...this.consumers.values()].map((c) => c.close()));
    this.consumers.clear();
    await this.nc.close();
  }

  private subject(topic: HubTopic): string {
    return `${this.prefix}.${topic}`;
  }

  private async openConsumer(topic: HubTopic): Promise<void> {
    // Start right after the last stored event: everything published once subscribe resolves is
    // delivered, however long the consumer takes to be created on the server.
    const info = await this.jsm.streams.info(this.streamName);
    const consumer = await this.js.consumers.get(this.streamName, {
      filterSubjects: this.subject(topic),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: info.state.last_seq + 1,
    });
    // Short pulls with frequent heartbeats: a consumer the server lost is noticed within seconds and
    // re-created from the last sequence delivered (the client's default takes about 45 s).
    const messages = await consumer.consume({ max_messages: 256, expires: 10_000, idle_heartbeat: 1_000, callback: (m) => this.receive(topic, m) });
    this.consumers.set(topic, messages);
  }

  private async closeConsumer(topic: HubTopic): Promise<void> {
    const messages = this.consumers.get(topic);
    this.consumers.delete(topic);
    if (messages) await messages.close();
  }

  private receive(topic: HubTopic, message: JsMsg): void {
    if (this.closed) return;
    const event = parseHubEvent(message.string(), topic);
    if (!event) {
      this.log.warn({ subject: message.subject, seq: message.seq }, 'ignored a message that is not a hub event');
      return;
    }
    if (!this.seen.firstSeen(event.id)) return;
    this.fanout.dispatch(event);
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
        this.log.warn({ status: status.type, server: typeof status.data === 'string' ? status.data : undefined }, 'nats event bus connection');
      }
    }
  }
}

async function ensureStream(jsm: JetStreamManager, s: { name: string; subjects: string[]; maxAgeMs: number; duplicateWindowMs: number }): Promise<void> {
  const config = {
    name: s.name,
    subjects: s.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(s.maxAgeMs),
    duplicate_window: nanos(Math.min(s.duplicateWindowMs, s.maxAgeMs)),
  };
  try {
    await jsm.streams.add(config);
  } catch (error) {
    // Another process created it first (possibly with other limits): use the stream as it is,
    // as long as it carries our subjects.
    const info = await jsm.streams.info(s.name).catch(() => null);
    if (!info) throw new Error(`the event stream ${s.name} could not be created`, { cause: error });
    if (!s.subjects.every((subject) => info.config.subjects?.includes(subject))) {
      throw new Error(`the event stream ${s.name} exists without the subjects ${s.subjects.join(', ')}`, { cause: error });
    }
  }
}
