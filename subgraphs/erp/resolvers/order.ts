import { NotFoundError } from '../../../lib/errors';
import type { OrderLineResolvers, OrderResolvers } from '../generated/resolvers-types';
import { money } from './money';

export const Order: OrderResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.orderById.load(ref.id),

  async customer(order, _, { loaders }) {
    const id = await loaders.customerIdByAccountNumber.load(order.accountNumber);
    if (id === null) throw new NotFoundError('Customer with ERP account', order.accountNumber);
    return { id };
  },

  lines: (order, _, { loaders }) => loaders.linesByOrderId.load(order.id),

  total: (order) => money(order.totalCents, order.currency),
};

export const OrderLine: OrderLineResolvers = {
  async product(line, _, { loaders }) {
    const product = await loaders.productBySku.load(line.sku);
    if (product === null) throw new NotFoundError('Product', line.sku);
    return product;
  },

  unitPrice: (line) => money(line.unitPriceCents, line.currency),

  lineTotal: (line) => money(line.quantity * line.unitPriceCents, line.currency),
};
