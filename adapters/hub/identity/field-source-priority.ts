// Which system's value wins when several systems know the same field of a customer: the ERP for
// billing data (it invoices), the CRM for contact data (people update it there). A system not in a
// field's order is used only when no listed system has a value.
export type SourceSystem = 'CRM' | 'ERP' | 'SOCIAL' | 'WEB';

export type FieldGroup = 'billing' | 'contact';

export const FIELD_GROUPS: Readonly<Record<string, FieldGroup>> = {
  billingName: 'billing',
  billingAddress: 'billing',
  vatNumber: 'billing',
  paymentTerms: 'billing',
  creditLimit: 'billing',
  currency: 'billing',
  firstName: 'contact',
  lastName: 'contact',
  email: 'contact',
  phone: 'contact',
  postalAddress: 'contact',
  preferredChannel: 'contact',
};

export type SourcePriority = Readonly<Record<FieldGroup, readonly SourceSystem[]>>;

export const DEFAULT_SOURCE_PRIORITY: SourcePriority = {
  billing: ['ERP', 'CRM'],
  contact: ['CRM', 'ERP', 'WEB', 'SOCIAL'],
};

export interface SourcedValue<V = unknown> {
  source: SourceSystem;
  value: V | null | undefined;
  /** When the source last changed it: breaks ties between values of one source. */
  updatedAt?: Date;
}

export interface ChosenValue<V> {
  value: V;
  source: SourceSystem;
}

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function rankOf(order: readonly SourceSystem[], source: SourceSystem): number {
  const rank = order.indexOf(source);
  return rank === -1 ? order.length : rank;
}

/** The winning value of one field among the systems' values, or null when none has one. */
export function chooseFieldValue<V>(field: string, candidates: readonly SourcedValue<V>[], priority: SourcePriority = DEFAULT_SOURCE_PRIORITY): ChosenValue<V> | null {
  const group = FIELD_GROUPS[field];
  if (!group) throw new Error(`no source priority is defined for the field ${JSON.stringify(field)}`);
  const order = priority[group];
  let best: SourcedValue<V> | null = null;
  for (const c of candidates) {
    if (isEmpty(c.value)) continue;
    if (!best) {
      best = c;
      continue;
    }
    const byRank = rankOf(order, c.source) - rankOf(order, best.source);
    const newer = (c.updatedAt?.getTime() ?? 0) > (best.updatedAt?.getTime() ?? 0);
    if (byRank < 0 || (byRank === 0 && newer)) best = c;
  }
  return best ? { value: best.value as V, source: best.source } : null;
}

/** Merges whole records field by field; the result names the source of each value. */
export function mergeRecords(records: readonly { source: SourceSystem; fields: Record<string, unknown>; updatedAt?: Date }[], priority: SourcePriority = DEFAULT_SOURCE_PRIORITY): Record<string, ChosenValue<unknown>> {
  const fields = new Set(records.flatMap((r) => Object.keys(r.fields)).filter((f) => f in FIELD_GROUPS));
  const merged: Record<string, ChosenValue<unknown>> = {};
  for (const field of [...fields].sort()) {
    const chosen = chooseFieldValue(field, records.map((r) => ({ source: r.source, value: r.fields[field], updatedAt: r.updatedAt })), priority);
    if (chosen) merged[field] = chosen;
  }
  return merged;
}
