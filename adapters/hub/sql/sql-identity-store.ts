import type { Kysely } from 'kysely';
import { alignMany, uniqueKeys } from '../../../lib/batch';
import { ConflictError } from '../../../lib/errors';
import type { IdentityLink, IdentityNamespace, IdentityPort } from '../hub-store-port';
import { normalizeIdentityValue, requireNormalizedIdentity } from '../identity-normalization';
import type { HubTables } from './hub-tables';
import { requireKey, storeCall } from './store-errors';

const identityKey = (namespace: string, normalized: string) => `${namespace}\u0000${normalized}`;

export class SqlIdentityStore implements IdentityPort {
  constructor(private readonly db: Kysely<HubTables>) {}

  async findIdentitiesByCustomerIds(customerIds: readonly string[], namespace?: IdentityNamespace): Promise<IdentityLink[][]> {
    const ids = uniqueKeys(customerIds);
    if (ids.length === 0) return [];
    const rows = await storeCall('find identities', () => {
      let query = this.db
        .selectFrom('tp_identity_link')
        .select(['customer_id', 'namespace', 'normalized_value'])
        .where('customer_id', 'in', ids);
      if (namespace) query = query.where('namespace', '=', namespace);
      return query.orderBy('customer_id').orderBy('namespace').orderBy('normalized_value').execute();
    });
    const links: IdentityLink[] = rows.map((r) => ({ customerId: r.customer_id, namespace: r.namespace as IdentityNamespace, value: r.normalized_value }));
    return alignMany(customerIds, links, (l) => l.customerId);
  }

  async findCustomerIdsByIdentities(identities: readonly { namespace: IdentityNamespace; value: string }[]): Promise<(string | null)[]> {
    // A value that cannot be normalized names no customer: it is a miss, not an error.
    const keys = identities.map((i) => {
      const normalized = normalizeIdentityValue(i.namespace, i.value);
      return normalized === null ? null : { namespace: i.namespace, normalized };
    });
    const byNamespace = new Map<string, Set<string>>();
    for (const k of keys) if (k) (byNamespace.get(k.namespace) ?? byNamespace.set(k.namespace, new Set()).get(k.namespace)!).add(k.normalized);
    if (byNamespace.size === 0) return identities.map(() => null);

    // One statement for the whole batch: (namespace = ? AND normalized_value IN (...)) OR ...
    const rows = await storeCall('find customers by identity', () =>
      this.db
        .selectFrom('tp_identity_link')
        .select(['namespace', 'normalized_value', 'customer_id'])
        .where((eb) => eb.or([...byNamespace].map(([ns, values]) => eb.and([eb('namespace', '=', ns), eb('normalized_value', 'in', [...values])]))))
        .execute(),
    );
    const found = new Map(rows.map((r) => [identityKey(r.namespace, r.normalized_value), r.customer_id]));
    return keys.map((k) => (k ? found.get(identityKey(k.namespace, k.normalized)) ?? null : null));
  }

  async link(link: IdentityLink): Promise<void> {
    const normalized = requireNormalizedIdentity(link.namespace, link.value);
    const customerId = requireKey(link.customerId.trim(), 'customerId', 64);
    await storeCall('link an identity', async () => {
      // The primary key (namespace, normalized_value) decides between concurrent linkers.
      const result = await this.db
        .insertInto('tp_identity_link')
        .orIgnore()
        .values({ namespace: link.namespace, normalized_value: normalized, raw_value: link.value.trim().slice(0, 255), customer_id: customerId, created_at_ms: Date.now() })
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return;
      const existing = await this.db
        .selectFrom('tp_identity_link')
        .select('customer_id')
        .where('namespace', '=', link.namespace)
        .where('normalized_value', '=', normalized)
        .executeTakeFirst();
      if (existing && existing.customer_id !== customerId) {
        throw new ConflictError(`the ${link.namespace} identity is already linked to another customer`);
      }
    });
  }
}
