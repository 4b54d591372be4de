import type { Mention } from '../../../adapters/social/social-port';
import { InvalidInputError, NotFoundError } from '../../../lib/errors';
import { openEventStream, unwrapItem, type StreamItem } from '../../shared/event-stream';
import type { SubscriptionResolvers } from '../generated/resolvers-types';

function optionalFollowers(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw new InvalidInputError('minFollowers must be a whole number from 0', 'minFollowers');
  return value;
}

export const Subscription: SubscriptionResolvers = {
  mentionReceived: {
    async subscribe(_, args, context) {
      const complaintsOnly = args.complaintsOnly ?? false;
      const minFollowers = optionalFollowers(args.minFollowers);
      return openEventStream({
        bus: context.events,
        topics: ['mention.received'],
        log: context.log,
        beforeEach: () => context.renewLoaders(),
        // The event carries what the filters need, so that skipped mentions cost no read.
        async select({ payload }): Promise<Mention | null> {
          if (complaintsOnly && !payload.isComplaint) return null;
          if (minFollowers !== null && payload.followers < minFollowers) return null;
          const [mention] = await context.social.findMentionsByIds([payload.mentionId]);
          if (!mention) throw new NotFoundError('Mention', payload.mentionId);
          return mention;
        },
      });
    },
    resolve: (item: StreamItem<Mention>) => unwrapItem(item),
  },
};
