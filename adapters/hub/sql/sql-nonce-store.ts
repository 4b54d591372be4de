import type { Kysely } from 'kysely';
import type { NoncePort } from '../hub-store-port';
import type { HubTables } from './hub-tables';
import { requireKey, storeCall } from './store-errors';

export class SqlNonceStore implements NoncePort {
  constructor(private readonly db: Kysely<HubTables>) {}

  async remember(source: string, nonce: string, seenAt: Date): Promise<boolean> {
    requireKey(source, 'source', 64);
    requireKey(nonce, 'nonce', 255);
    // The primary key (source, nonce) lets exactly one delivery of a nonce through, in any process.
    const result = await storeCall('remember a webhook nonce', () =>
      this.db.insertInto('tp_webhook_nonce').orIgnore().values({ source, nonce, seen_at_ms: seenAt.getTime() }).executeTakeFirst(),
    );
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async purgeOlderThan(date: Date): Promise<number> {
    const result = await storeCall('purge webhook nonces', () =>
      this.db.deleteFrom('tp_webhook_nonce').where('seen_at_ms', '<', date.getTime()).executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }
}
