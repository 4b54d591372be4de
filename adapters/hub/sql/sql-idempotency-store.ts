import type { Kysely } from 'kysely';
import type { IdempotencyPort, IdempotencyRecord } from '../hub-store-port';
import type { HubTables } from './hub-tables';
import { requireKey, storeCall, toDate } from './store-errors';

// A claim can lose the insert and then find nothing when the winner released it in between;
// it simply tries again, a bounded number of times.
const CLAIM_ATTEMPTS = 5;

export class SqlIdempotencyStore implements IdempotencyPort {
  constructor(private readonly db: Kysely<HubTables>) {}

  async claim(scope: string, key: string, requestHash: string): Promise<{ claimed: true } | { claimed: false; record: IdempotencyRecord }> {
    requireKey(scope, 'scope', 64);
    requireKey(key, 'key', 255);
    requireKey(requestHash, 'requestHash', 128);
    return storeCall('claim an idempotency key', async () => {
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
        // The primary key (scope, idem_key) makes exactly one concurrent insert win, in any process.
        const result = await this.db
          .insertInto('tp_idempotency_key')
          .orIgnore()
          .values({ scope, idem_key: key, request_hash: requestHash, response: null, created_at_ms: Date.now() })
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { claimed: true as const };
        const row = await this.db
          .selectFrom('tp_idempotency_key')
          .selectAll()
          .where('scope', '=', scope)
          .where('idem_key', '=', key)
          .executeTakeFirst();
        if (row) {
          return {
            claimed: false as const,
            record: { scope: row.scope, key: row.idem_key, requestHash: row.request_hash, response: row.response, createdAt: toDate(row.created_at_ms) },
          };
        }
      }
      throw new Error(`idempotency key kept changing under ${CLAIM_ATTEMPTS} claims`);
    });
  }

  async complete(scope: string, key: string, response: string): Promise<void> {
    await storeCall('complete an idempotency key', () =>
      this.db.updateTable('tp_idempotency_key').set({ response }).where('scope', '=', scope).where('idem_key', '=', key).execute(),
    );
  }

  async release(scope: string, key: string): Promise<void> {
    // Only a claim still in progress is forgotten: a completed outcome must keep answering retries.
    await storeCall('release an idempotency key', () =>
      this.db.deleteFrom('tp_idempotency_key').where('scope', '=', scope).where('idem_key', '=', key).where('response', 'is', null).execute(),
    );
  }

  async purgeOlderThan(date: Date): Promise<number> {
    const result = await storeCall('purge idempotency keys', () =>
      this.db.deleteFrom('tp_idempotency_key').where('created_at_ms', '<', date.getTime()).executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }
}
