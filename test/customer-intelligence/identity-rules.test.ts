// The deterministic identity rules on their own: placeholder values are recognised after
// normalization, the namespace order decides, and per-field source priority picks ERP billing data
// and CRM contact data.
import { blockedReason } from '../../adapters/hub/identity/blocked-values';
import { chooseFieldValue, mergeRecords } from '../../adapters/hub/identity/field-source-priority';
import { byPriority, DEFAULT_MATCHING_POLICY } from '../../adapters/hub/identity/matching-policy';
import { normalizeIdentityValue } from '../../adapters/hub/identity-normalization';
import type { IdentityNamespace } from '../../adapters/hub/hub-store-port';

const blocked = (namespace: IdentityNamespace, raw: string) => {
  const normalized = normalizeIdentityValue(namespace, raw);
  if (normalized === null) throw new Error(`${raw} does not normalize`);
  return blockedReason(namespace, normalized);
};

describe('blocked identity values', () => {
  it.each([
    ['EMAIL', 'noreply@shop.com'],
    ['EMAIL', ' No-Reply@Shop.com '],
    ['EMAIL', 'donotreply+orders@brand.de'],
    ['EMAIL', 'TEST@example.com'],
    ['EMAIL', 'unknown@anywhere.org'],
    ['EMAIL', 'jane@mail.invalid'],
    ['PHONE', '+0000000'],
    ['PHONE', '+1 555 0000000'],
    ['PHONE', '+1 000 000 0000'],
    ['PHONE', '+49 1234567'],
    ['PHONE', '1111111111'],
    ['X', '@unknown'],
    ['ERP', '0000'],
    ['CRM', 'N/A'],
  ] as [IdentityNamespace, string][])('%s %s is a placeholder', (namespace, raw) => {
    expect(blocked(namespace, raw)).toEqual(expect.any(String));
  });

  it.each([
    ['EMAIL', 'jane.doe.42@example.com'],
    ['EMAIL', 'info.jane@gmail.com'],
    ['PHONE', '+1 (555) 100-0042'],
    ['PHONE', '+49 30 901820'],
    ['X', '@JaneDoe'],
    ['ERP', 'A100042'],
    ['CRM', 'C-000042'],
  ] as [IdentityNamespace, string][])('%s %s is usable', (namespace, raw) => {
    expect(blocked(namespace, raw)).toBeNull();
  });
});

describe('matching policy', () => {
  it('orders identities strongest first: system ids, then e-mail, phone, social handles', () => {
    const sorted = byPriority(DEFAULT_MATCHING_POLICY, [
      { namespace: 'X', value: 'a' },
      { namespace: 'PHONE', value: 'b' },
      { namespace: 'EMAIL', value: 'c' },
      { namespace: 'ERP', value: 'd' },
      { namespace: 'CRM', value: 'e' },
      { namespace: 'EMAIL', value: 'f' },
    ]);
    expect(sorted.map((i) => i.value)).toEqual(['e', 'd', 'c', 'f', 'b', 'a']);
  });
});

describe('per-field source priority', () => {
  const crm = { source: 'CRM' as const, fields: { email: 'jane@crm.example', phone: '+15550001', billingAddress: '1 Old Road', vatNumber: '' } };
  const erp = { source: 'ERP' as const, fields: { email: 'accounts@erp.example', phone: null, billingAddress: '9 Invoice Street', vatNumber: 'DE123' } };

  it('takes billing data from the ERP and contact data from the CRM', () => {
    const merged = mergeRecords([crm, erp]);
    expect(merged).toEqual({
      billingAddress: { value: '9 Invoice Street', source: 'ERP' },
      email: { value: 'jane@crm.example', source: 'CRM' },
      phone: { value: '+15550001', source: 'CRM' },
      vatNumber: { value: 'DE123', source: 'ERP' },
    });
  });

  it('falls back to a lower source when the preferred one has no value, and to the newer value within one source', () => {
    expect(chooseFieldValue('billingAddress', [{ source: 'ERP', value: '  ' }, { source: 'CRM', value: '1 Old Road' }])).toEqual({ value: '1 Old Road', source: 'CRM' });
    expect(chooseFieldValue('email', [{ source: 'ERP', value: 'erp@x.example' }, { source: 'SOCIAL', value: 'social@x.example' }])).toEqual({ value: 'erp@x.example', source: 'ERP' });
    expect(
      chooseFieldValue('phone', [
        { source: 'CRM', value: '+1555old', updatedAt: new Date('2026-01-01') },
        { source: 'CRM', value: '+1555new', updatedAt: new Date('2026-06-01') },
      ]),
    ).toEqual({ value: '+1555new', source: 'CRM' });
    expect(chooseFieldValue('email', [{ source: 'CRM', value: null }])).toBeNull();
  });

  it('can be configured, and refuses a field it has no rule for', () => {
    expect(chooseFieldValue('email', [{ source: 'CRM', value: 'a@x.example' }, { source: 'ERP', value: 'b@x.example' }], { billing: ['ERP'], contact: ['ERP', 'CRM'] })).toEqual({ value: 'b@x.example', source: 'ERP' });
    expect(() => chooseFieldValue('shoeSize', [])).toThrow(/no source priority/);
  });
});
