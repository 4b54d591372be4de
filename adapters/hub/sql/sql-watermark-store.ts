import type { Kysely } from 'kysely';
import type { Dialect } from '../../sql/database';
import type { WatermarkPort } from '../hub-store-port';
import type { HubTables } from './hub-tables';
import { requireKey, storeCall } from './store-errors';

export class SqlWatermarkStore implements WatermarkPort {
  constructor(
    private readonly db: Kysely<HubTables>,
    private readonly dialect: Dialect,
  ) {}

  async get(stream: string): Promise<string | null> {
    const row = await storeCall('read a watermark', () =>
      this.db.selectFrom('tp_watermark').select('position').where('stream', '=', stream).executeTakeFirst(),
    );
    return row?.position ?? null;
  }

  async set(stream: string, position: string): Promise<void> {
    requireKey(stream, 'stream', 255);
    const values = { stream, position, updated_at_ms: Date.now() };
    const update = { position, updated_at_ms: values.updated_at_ms };
    await storeCall('write a watermark', () => {
      const insert = this.db.insertInto('tp_watermark').values(values);
      return (this.dialect === 'mysql' ? insert.onDuplicateKeyUpdate(update) : insert.onConflict((oc) => oc.column('stream').doUpdateSet(update))).execute();
    });
  }
}
