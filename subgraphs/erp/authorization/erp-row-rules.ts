// Who may read which orders and credit accounts in the ERP. A customer reads its own (orders of
// the ERP accounts linked to it), an agent everything, a partner the orders that came through it
// (channel PARTNER and its partner id) and no credit. For a restricted caller, an order it may not
// read and one that does not exist look the same.
import type { Order } from '../../../adapters/erp/erp-port';
import { forbidden, guardResolvers, rowScopeOf, type RowScope } from '../../shared/row-rules';
import type { ErpContext } from '../context';
import { requirePageSize } from '../resolvers/limits';
import { createPartnerOrdersLoader, type PartnerOrdersLoader } from './partner-orders';

async function mayReadOrder(scope: RowScope, order: Order | null, context: ErpContext): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (!order) return false;
  if (scope.kind === 'partner') return order.channel === 'PARTNER' && order.partnerId === scope.partnerId;
  if (scope.kind === 'customer') return (await context.loaders.customerIdByAccountNumber.load(order.accountNumber)) === scope.customerId;
  return false;
}

// One partner loader per request context.
const partnerLoaders = new WeakMap<object, PartnerOrdersLoader>();

function partnerOrders(context: ErpContext, partnerId: string): PartnerOrdersLoader {
  let loader = partnerLoaders.get(context);
  if (!loader) {
    loader = createPartnerOrdersLoader(context.erp, context.loaders, partnerId);
    partnerLoaders.set(context, loader);
  }
  return loader;
}

export function withErpRowRules<R extends object>(resolvers: R): R {
  const guardOrder = (idOf: (args: unknown[]) => string, contextAt: number) => async (resolve: (args?: unknown[]) => unknown, args: unknown[]) => {
    const context = args[contextAt] as ErpContext;
    const scope = rowScopeOf(context.claims);
    if (scope.kind === 'all') return resolve();
    const order = (await resolve()) as Order | null;
    if (!(await mayReadOrder(scope, order, context))) throw forbidden(`Order ${JSON.stringify(idOf(args))}`);
    return order;
  };
  return guardResolvers(resolvers, {
    'Query.order': guardOrder((args) => (args[1] as { id: string }).id, 2),
    'Order.__resolveReference': guardOrder((args) => (args[0] as { id: string }).id, 1),
    'Customer.orders': async (resolve, [customer, args, context]) => {
      const { id } = customer as { id: string };
      const scope = rowScopeOf((context as ErpContext).claims);
      if (scope.kind === 'all' || (scope.kind === 'customer' && scope.customerId === id)) return resolve();
      if (scope.kind === 'partner') return partnerOrders(context as ErpContext, scope.partnerId)(requirePageSize((args as { first: number }).first, 'first')).load(id);
      throw forbidden(`The orders of customer ${JSON.stringify(id)}`);
    },
    'Customer.creditAccount': async (resolve, [customer, , context]) => {
      const { id } = customer as { id: string };
      const scope = rowScopeOf((context as ErpContext).claims);
      if (scope.kind === 'all' || (scope.kind === 'customer' && scope.customerId === id)) return resolve();
      throw forbidden(`The credit account of customer ${JSON.stringify(id)}`);
    },
    // Recommendations are derived from the customer's purchases: readable like its own orders.
    'Customer.recommendations': async (resolve, [customer, , context]) => {
      const { id } = customer as { id: string };
      const scope = rowScopeOf((context as ErpContext).claims);
      if (scope.kind === 'all' || (scope.kind === 'customer' && scope.customerId === id)) return resolve();
      throw forbidden(`The recommendations of customer ${JSON.stringify(id)}`);
    },
  });
}
