// Links every demo customer's identities in the hub store: CRM id, ERP account number, e-mail,
// phone and social handles. Running it again adds nothing.
import type { DemoDataset } from '../data/demo-dataset';
import type { HubStore, IdentityLink } from '../../adapters/hub/hub-store-port';
import { normalizeIdentityValue } from '../../adapters/hub/identity-normalization';

export function demoIdentityLinks(dataset: Pick<DemoDataset, 'customers'>): IdentityLink[] {
  return dataset.customers.flatMap((c) => [
    { customerId: c.id, namespace: 'CRM' as const, value: c.id },
    { customerId: c.id, namespace: 'ERP' as const, value: c.accountNumber },
    { customerId: c.id, namespace: 'EMAIL' as const, value: c.email },
    { customerId: c.id, namespace: 'PHONE' as const, value: c.phone },
    ...c.social.map((s) => ({ customerId: c.id, namespace: s.network, value: s.handle })),
  ]);
}

/** Returns how many links it added (0 when the store already holds them all). */
export async function seedHub(store: Pick<HubStore, 'identities'>, dataset: Pick<DemoDataset, 'customers'>): Promise<number> {
  const links = demoIdentityLinks(dataset);
  const customerIds = dataset.customers.map((c) => c.id);
  // One read tells which links exist already, so that a second run issues no writes at all.
  const existing = await store.identities.findIdentitiesByCustomerIds(customerIds);
  const known = new Set(existing.flat().map((l) => `${l.customerId}|${l.namespace}|${l.value}`));
  let added = 0;
  for (const link of links) {
    const normalized = normalizeIdentityValue(link.namespace, link.value);
    if (known.has(`${link.customerId}|${link.namespace}|${normalized}`)) continue;
    await store.identities.link(link);
    added += 1;
  }
  return added;
}
