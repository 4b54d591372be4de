import type { Shipment } from '../../../adapters/carrier/carrier-port';
import { InvalidInputError, NotFoundError } from '../../../lib/errors';
import { openEventStream, unwrapItem, type StreamItem } from '../../shared/event-stream';
import type { SubscriptionResolvers } from '../generated/resolvers-types';

const MAX_ID_LENGTH = 64;

function requireId(value: string, field: string): string {
  const id = value.trim();
  if (id === '' || id.length > MAX_ID_LENGTH) throw new InvalidInputError(`${field} must be an id of 1 to ${MAX_ID_LENGTH} characters`, field);
  return id;
}

export const Subscription: SubscriptionResolvers = {
  shipmentUpdated: {
    async subscribe(_, args, context) {
      const orderId = requireId(args.orderId, 'orderId');
      // An order with no shipment yet is a valid subscription: its first parcel is what the client waits for.
      return openEventStream({
        bus: context.events,
        topics: ['shipment.updated'],
        log: context.log,
        beforeEach: () => context.renewLoaders(),
        async select({ payload }): Promise<Shipment | null> {
          if (payload.orderId !== orderId) return null;
          // The shipment as the carrier reports it now; a failure reaches the client as this event's error.
          const [shipment] = await context.carrier.findShipmentsByIds([payload.shipmentId]);
          if (!shipment) throw new NotFoundError('Shipment', payload.shipmentId);
          return shipment;
        },
      });
    },
    resolve: (item: StreamItem<Shipment>) => unwrapItem(item),
  },
};
