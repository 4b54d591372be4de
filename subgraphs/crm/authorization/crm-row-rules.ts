// Who may read which customers in the CRM. A customer reads only itself, an agent anyone. A partner
// never looks customers up by itself: it reaches a customer only as the customer of one of its own
// orders (an entity reference the ERP's order rules already let through), so the root lookups are
// refused to partners and references are not. For a restricted caller, a customer it may not read
// and one that does not exist look the same.
import type { GatewayClaims } from '../../shared/gateway-claims';
import { forbidden, guardResolvers, rowScopeOf } from '../../shared/row-rules';

interface WithClaims {
  claims?: GatewayClaims;
}

type Via = 'lookup' | 'reference';

function mayRead(claims: GatewayClaims | undefined, customerId: string | null | undefined, via: Via): boolean {
  const scope = rowScopeOf(claims);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'customer') return customerId === scope.customerId;
  if (scope.kind === 'partner') return via === 'reference';
  return false;
}

const idOf = (customer: unknown) => (customer as { id?: string } | null)?.id ?? null;

export function withCrmRowRules<R extends object>(resolvers: R): R {
  return guardResolvers(resolvers, {
    'Query.customer': async (resolve, [, args, context]) => {
      const { id } = args as { id: string };
      if (!mayRead((context as WithClaims).claims, id, 'lookup')) throw forbidden(`Customer ${JSON.stringify(id)}`);
      return resolve();
    },
    'Query.customers': async (resolve, [parent, args, context, info]) => {
      const { ids } = args as { ids: string[] };
      const claims = (context as WithClaims).claims;
      if (ids.every((id) => mayRead(claims, id, 'lookup'))) return resolve();
      // Only the readable ones are looked up; the others are errors in their own places.
      const readable = ids.filter((id) => mayRead(claims, id, 'lookup'));
      const found = (await resolve([parent, { ids: readable }, context, info])) as unknown[];
      let next = 0;
      return ids.map((id) => (mayRead(claims, id, 'lookup') ? found[next++] : forbidden(`Customer ${JSON.stringify(id)}`)));
    },
    'Query.customerByIdentity': async (resolve, [, , context]) => {
      const claims = (context as WithClaims).claims;
      const scope = rowScopeOf(claims);
      if (scope.kind === 'all') return resolve();
      if (scope.kind !== 'customer') throw forbidden('That customer');
      const customer = await resolve();
      if (!mayRead(claims, idOf(customer), 'lookup')) throw forbidden('That customer');
      return customer;
    },
    'Query.searchCustomers': async (resolve, [, , context]) => {
      if (rowScopeOf((context as WithClaims).claims).kind !== 'all') throw forbidden('A customer search');
      return resolve();
    },
    'Customer.__resolveReference': async (resolve, [reference, context]) => {
      const id = idOf(reference);
      if (!mayRead((context as WithClaims).claims, id, 'reference')) throw forbidden(`Customer ${JSON.stringify(id)}`);
      return resolve();
    },
  });
}
