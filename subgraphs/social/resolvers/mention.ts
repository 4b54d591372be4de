import { sentimentLabel } from '../../../adapters/social/scoring';
import type { MentionResolvers } from '../generated/resolvers-types';

export const Mention: MentionResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.mentionById.load(reference.id),
  author: (mention, _, { loaders }) => (mention.profileId ? loaders.profileById.load(mention.profileId) : null),
  customer: (mention) => (mention.customerId ? { id: mention.customerId } : null),
  sentiment: (mention) => sentimentLabel(mention.sentimentScore),
};
