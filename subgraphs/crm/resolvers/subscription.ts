import { InvalidInputError, NotFoundError } from '../../../lib/errors';
import { openEventStream, unwrapItem, type StreamItem } from '../../shared/event-stream';
import { ACTIVITY_TOPICS, activityOf } from '../customer-activity';
import type { SubscriptionResolvers } from '../generated/resolvers-types';
import type { CustomerActivityKind, CustomerActivityModel } from '../models';

const MAX_ID_LENGTH = 64;
const ALL_KINDS = Object.keys(ACTIVITY_TOPICS) as CustomerActivityKind[];

function requireId(value: string, field: string): string {
  const id = value.trim();
  if (id === '' || id.length > MAX_ID_LENGTH) throw new InvalidInputError(`${field} must be an id of 1 to ${MAX_ID_LENGTH} characters`, field);
  return id;
}

function requireKinds(kinds: readonly CustomerActivityKind[] | null | undefined): CustomerActivityKind[] {
  if (kinds === null || kinds === undefined) return ALL_KINDS;
  if (kinds.length === 0) throw new InvalidInputError('kinds must name at least one kind; leave it out to hear every kind', 'kinds');
  return [...new Set(kinds)];
}

export const Subscription: SubscriptionResolvers = {
  customerActivity: {
    async subscribe(_, args, context) {
      const customerId = requireId(args.customerId, 'customerId');
      const kinds = requireKinds(args.kinds);
      // A mistyped id would otherwise wait for ever in silence.
      if ((await context.loaders.customerById.load(customerId)) === null) throw new NotFoundError('Customer', customerId);
      return openEventStream({
        bus: context.events,
        topics: kinds.map((kind) => ACTIVITY_TOPICS[kind]),
        log: context.log,
        beforeEach: () => context.renewLoaders(),
        select: (event) => activityOf(event, customerId, context),
      });
    },
    resolve: (item: StreamItem<CustomerActivityModel>) => unwrapItem(item),
  },
};
