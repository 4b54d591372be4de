// Identity resolution through the gateway, on the embedded database and MariaDB: identities
// arriving from a system find the customer by the strongest linked identity, new ones are linked,
// two customers sharing an identity are merged (every source id kept, the merge recorded with its
// reason), and bad input (placeholders, over a limit, unknown customer or identities) is refused
// with a clear error and stores nothing.
import { TEST_DIALECTS } from '../support/test-databases';
import { startTestHub, type TestHub } from '../support/test-hub';

const IDENTITIES = `query($id: ID!) { customer(id: $id) { id identities { namespace value } identityMerges { survivorCustomerId mergedCustomerId reason namespace value source movedLinks } } }`;
const LINK = `mutation($customerId: ID!, $namespace: IdentityNamespace!, $value: String!) {
  linkIdentity(customerId: $customerId, namespace: $namespace, value: $value, source: "CRM") { id identities { namespace value } }
}`;
const RESOLVE = `mutation($source: String!, $identities: [IdentityInput!]!) {
  resolveIdentity(source: $source, identities: $identities) {
    customer { id email }
    matchedBy { namespace value }
    linked { namespace value }
    skipped { namespace value reason }
    merges { survivorCustomerId mergedCustomerId reason namespace value source movedLinks }
  }
}`;

type Identity = { namespace: string; value: string };

describe.each(TEST_DIALECTS)('identity resolution through the gateway on %s', (dialect) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(dialect);
  }, 120_000);
  afterAll(async () => t?.close());

  const customer = (i: number) => t.dataset.customers[i];
  async function identitiesOf(id: string): Promise<Identity[]> {
    const res = await t.query<{ customer: { identities: Identity[] } }>(IDENTITIES, { id });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.customer.identities;
  }

  it('links a new identity, normalized, and finds the customer by it', async () => {
    const c = customer(0);
    const res = await t.query<{ linkIdentity: { id: string; identities: Identity[] } }>(LINK, { customerId: c.id, namespace: 'EMAIL', value: ' Second.Box@Example.ORG ' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.linkIdentity.identities).toContainEqual({ namespace: 'EMAIL', value: 'second.box@example.org' });
    const found = await t.query<{ customerByIdentity: { id: string } }>(`{ customerByIdentity(namespace: EMAIL, value: "SECOND.BOX@example.org") { id } }`);
    expect(found.body.data!.customerByIdentity.id).toBe(c.id);
  });

  it('refuses placeholder values, a link over the namespace limit and an unknown customer, storing nothing', async () => {
    const c = customer(1);
    const before = await identitiesOf(c.id);
    const refused = async (variables: Record<string, unknown>) => {
      const res = await t.query(LINK, variables);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      return res.body.errors![0];
    };
    for (const [namespace, value] of [['EMAIL', 'noreply@shop.example'], ['EMAIL', 'test@example.com'], ['PHONE', '+1 555 0000000'], ['X', '@unknown']]) {
      const error = await refused({ customerId: c.id, namespace, value });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/cannot identify a customer/);
    }
    const malformed = await refused({ customerId: c.id, namespace: 'PHONE', value: '0000000' });
    expect(malformed.extensions?.code).toBe('BAD_USER_INPUT');

    // The demo customer holds one e-mail; the limit is three.
    await t.query(LINK, { customerId: c.id, namespace: 'EMAIL', value: 'two@mail.example' });
    await t.query(LINK, { customerId: c.id, namespace: 'EMAIL', value: 'three@mail.example' });
    const over = await refused({ customerId: c.id, namespace: 'EMAIL', value: 'four@mail.example' });
    expect(over.extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.message).toMatch(/already holds 3 EMAIL identities/);

    const unknown = await refused({ customerId: 'C-999999', namespace: 'EMAIL', value: 'ghost@mail.example' });
    expect(unknown.extensions?.code).toBe('NOT_FOUND');
    const taken = await refused({ customerId: c.id, namespace: 'EMAIL', value: customer(2).email });
    expect(taken.extensions?.code).toBe('CONFLICT');

    const after = await identitiesOf(c.id);
    expect(after.filter((i) => !before.some((b) => b.namespace === i.namespace && b.value === i.value))).toEqual([
      { namespace: 'EMAIL', value: 'three@mail.example' },
      { namespace: 'EMAIL', value: 'two@mail.example' },
    ]);
    const ghost = await t.query<{ customerByIdentity: unknown }>(`{ customerByIdentity(namespace: EMAIL, value: "ghost@mail.example") { id } }`);
    expect(ghost.body.data!.customerByIdentity).toBeNull();
  });

  it('matches by the strongest identity, links the rest and skips placeholders', async () => {
    const c = customer(3);
    const res = await t.query<{ resolveIdentity: Record<string, unknown> }>(RESOLVE, {
      source: 'WEBSHOP',
      identities: [
        { namespace: 'EMAIL', value: 'noreply@webshop.example' },
        { namespace: 'INSTAGRAM', value: '@NewHandle3' },
        { namespace: 'ERP', value: c.accountNumber },
      ],
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.resolveIdentity).toEqual({
      customer: { id: c.id, email: c.email },
      matchedBy: { namespace: 'ERP', value: c.accountNumber },
      linked: [{ namespace: 'INSTAGRAM', value: 'newhandle3' }],
      skipped: [{ namespace: 'EMAIL', value: 'noreply@webshop.example', reason: expect.stringMatching(/no-reply or placeholder/) }],
      merges: [],
    });
    expect(await identitiesOf(c.id)).toContainEqual({ namespace: 'INSTAGRAM', value: 'newhandle3' });
  });

  it('merges two customers that share an identity, keeps every source id and records the reason', async () => {
    const survivor = customer(4);
    const merged = customer(5);
    const mergedIdentities = await identitiesOf(merged.id);
    const res = await t.query<{ resolveIdentity: { customer: { id: string }; merges: Record<string, unknown>[] } }>(RESOLVE, {
      source: 'ERP',
      identities: [
        { namespace: 'PHONE', value: merged.phone },
        { namespace: 'ERP', value: survivor.accountNumber },
      ],
    });
    expect(res.body.errors).toBeUndefined();
    const resolution = res.body.data!.resolveIdentity;
    expect(resolution.customer.id).toBe(survivor.id);
    expect(resolution.merges).toEqual([
      {
        survivorCustomerId: survivor.id,
        mergedCustomerId: merged.id,
        reason: expect.stringContaining(`ERP sent PHONE ${merged.phone}`),
        namespace: 'PHONE',
        value: merged.phone,
        source: 'ERP',
        movedLinks: mergedIdentities.length,
      },
    ]);
    // Every id of the merged customer (its CRM id included) now finds the survivor.
    const all = await identitiesOf(survivor.id);
    for (const identity of mergedIdentities) expect(all).toContainEqual(identity);
    expect(all).toContainEqual({ namespace: 'CRM', value: merged.id });
    for (const identity of mergedIdentities) {
      const found = await t.query<{ customerByIdentity: { id: string } }>(`query($ns: IdentityNamespace!, $v: String!) { customerByIdentity(namespace: $ns, value: $v) { id } }`, { ns: identity.namespace, v: identity.value });
      expect(found.body.data!.customerByIdentity.id).toBe(survivor.id);
    }
    // The merge is on record for both customers.
    const record = await t.query<{ customer: { identityMerges: { mergedCustomerId: string }[] } }>(IDENTITIES, { id: merged.id });
    expect(record.body.data!.customer.identityMerges.map((m) => m.mergedCustomerId)).toEqual([merged.id]);
  });

  it('refuses identities that name no customer and stores none of them', async () => {
    const res = await t.query(RESOLVE, { source: 'WEBSHOP', identities: [{ namespace: 'EMAIL', value: 'stranger@mail.example' }, { namespace: 'X', value: '@stranger' }] });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const q of [`{ customerByIdentity(namespace: EMAIL, value: "stranger@mail.example") { id } }`, `{ customerByIdentity(namespace: X, value: "stranger") { id } }`]) {
      const found = await t.query<{ customerByIdentity: unknown }>(q);
      expect(found.body.data!.customerByIdentity).toBeNull();
    }
    const empty = await t.query(RESOLVE, { source: 'WEBSHOP', identities: [] });
    expect(empty.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
