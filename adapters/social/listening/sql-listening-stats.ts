// Listening statistics from the social store: one aggregate statement per batch for mentions (by
// the customer of the author's profile) and one for profiles (followers).
import { sql, type Kysely } from 'kysely';
import { uniqueKeys } from '../../../lib/batch';
import { storeCall } from '../sql/social-errors';
import type { SocialTables } from '../sql/social-tables';
import { PRAISE_ABOVE, type ListeningStats } from './listening-policy';
import type { ListeningStatsPort } from './listening-stats-port';

export class SqlListeningStats implements ListeningStatsPort {
  constructor(private readonly db: Kysely<SocialTables>) {}

  async findListeningStatsByCustomerIds(customerIds: readonly string[]): Promise<ListeningStats[]> {
    const ids = uniqueKeys(customerIds);
    if (ids.length === 0) return [];
    const [mentions, profiles] = await storeCall('count listening statistics', () =>
      Promise.all([
        this.db
          .selectFrom('soc_mention as m')
          .innerJoin('soc_profile as p', 'p.id', 'm.profile_id')
          .select([
            'p.customer_id',
            sql<number>`count(*)`.as('mentions'),
            sql<number>`sum(case when m.is_complaint = 1 then 1 else 0 end)`.as('complaints'),
            sql<number>`sum(case when m.is_complaint = 0 and m.sentiment_score > ${PRAISE_ABOVE} then 1 else 0 end)`.as('praise'),
          ])
          .where('p.customer_id', 'in', ids)
          .groupBy('p.customer_id')
          .execute(),
        this.db.selectFrom('soc_profile').select(['customer_id', sql<number>`max(followers)`.as('max_followers')]).where('customer_id', 'in', ids).groupBy('customer_id').execute(),
      ]),
    );
    const byCustomer = new Map<string, ListeningStats>();
    const statsOf = (id: string) => byCustomer.get(id) ?? byCustomer.set(id, { mentions: 0, complaints: 0, praise: 0, maxFollowers: 0 }).get(id)!;
    for (const row of mentions) {
      const stats = statsOf(row.customer_id!);
      stats.mentions = Number(row.mentions);
      stats.complaints = Number(row.complaints ?? 0);
      stats.praise = Number(row.praise ?? 0);
    }
    for (const row of profiles) statsOf(row.customer_id!).maxFollowers = Number(row.max_followers ?? 0);
    return customerIds.map((id) => ({ ...(byCustomer.get(id) ?? { mentions: 0, complaints: 0, praise: 0, maxFollowers: 0 }) }));
  }
}
