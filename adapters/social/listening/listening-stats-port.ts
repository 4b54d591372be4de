import type { ListeningStats } from './listening-policy';

export interface ListeningStatsPort {
  /** Aligned with customer ids; a customer the social store does not know has all zeros. */
  findListeningStatsByCustomerIds(customerIds: readonly string[]): Promise<ListeningStats[]>;
}
