import type { Kysely } from 'kysely';
import type { OutboxEvent, OutboxPort } from '../hub-store-port';
import type { HubTables } from './hub-tables';
import { requireKey, storeCall, toDate } from './store-errors';

export class SqlOutboxStore implements OutboxPort {
  constructor(private readonly db: Kysely<HubTables>) {}

  async append(topic: string, payload: string): Promise<number> {
    requireKey(topic, 'topic', 255);
    const result = await storeCall('append to the outbox', () =>
      this.db.insertInto('tp_outbox').values({ topic, payload, created_at_ms: Date.now(), published_at_ms: null }).executeTakeFirstOrThrow(),
    );
    return Number(result.insertId);
  }

  async pending(limit: number): Promise<OutboxEvent[]> {
    if (limit <= 0) return [];
    const rows = await storeCall('read the outbox', () =>
      this.db
        .selectFrom('tp_outbox')
        .select(['id', 'topic', 'payload', 'created_at_ms'])
        .where('published_at_ms', 'is', null)
        .orderBy('id')
        .limit(Math.floor(limit))
        .execute(),
    );
    return rows.map((r) => ({ id: Number(r.id), topic: r.topic, payload: r.payload, createdAt: toDate(r.created_at_ms) }));
  }

  async markPublished(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await storeCall('mark outbox events published', () =>
      this.db.updateTable('tp_outbox').set({ published_at_ms: Date.now() }).where('id', 'in', [...new Set(ids)]).where('published_at_ms', 'is', null).execute(),
    );
  }
}
