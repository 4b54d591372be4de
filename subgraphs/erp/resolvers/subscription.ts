import type { HubEvent } from '../../../adapters/events/event-bus-port';
import { InvalidInputError, NotFoundError } from '../../../lib/errors';
import { openEventStream, unwrapItem, type StreamItem } from '../../shared/event-stream';
import type { ErpContext } from '../context';
import type { SubscriptionResolvers } from '../generated/resolvers-types';
import type { OrderUpdateModel } from '../models';

const MAX_ID_LENGTH = 64;

function optionalId(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const id = value.trim();
  if (id === '' || id.length > MAX_ID_LENGTH) throw new InvalidInputError(`${field} must be an id of 1 to ${MAX_ID_LENGTH} characters`, field);
  return id;
}

const CHANGES = { created: 'CREATED', updated: 'UPDATED', deleted: 'DELETED' } as const;

/** The customer an order belongs to: named by the event, or found through the order's ERP account. */
async function ownerOf(event: HubEvent<'order.updated'>, accountNumber: string | null, { identities }: ErpContext): Promise<string | null> {
  if (event.payload.customerId) return event.payload.customerId;
  if (!accountNumber) return null;
  const [customerId] = await identities.findCustomerIdsByIdentities([{ namespace: 'ERP', value: accountNumber }]);
  return customerId ?? null;
}

export const Subscription: SubscriptionResolvers = {
  orderUpdated: {
    async subscribe(_, args, context) {
      const orderId = optionalId(args.orderId, 'orderId');
      const customerId = optionalId(args.customerId, 'customerId');
      if (orderId !== null && (await context.loaders.orderById.load(orderId)) === null) throw new NotFoundError('Order', orderId);
      return openEventStream({
        bus: context.events,
        topics: ['order.updated'],
        log: context.log,
        beforeEach: () => context.renewLoaders(),
        async select(event): Promise<OrderUpdateModel | null> {
          const { payload } = event;
          if (orderId !== null && payload.orderId !== orderId) return null;
          if (customerId !== null && payload.customerId && payload.customerId !== customerId) return null;
          // The event says which order changed; what it is now is read when the event is heard.
          const [order] = await context.erp.findOrdersByIds([payload.orderId]);
          if (customerId !== null && (await ownerOf(event, payload.accountNumber ?? order?.accountNumber ?? null, context)) !== customerId) return null;
          return { orderId: payload.orderId, change: CHANGES[payload.change], order: order ?? null, occurredAt: new Date(event.occurredAt) };
        },
      });
    },
    resolve: (item: StreamItem<OrderUpdateModel>) => unwrapItem(item),
  },
};
