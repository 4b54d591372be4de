// mention.received on the hub's bus for every mention stored for the first time, whichever path
// stored it (the webhook today). Published after the social store has committed the mention: the
// social store and the hub store (with its outbox) are separate databases, so the event cannot be
// written in the mention's transaction. Delivery is therefore at most once: when the bus refuses the
// event, the mention stays stored and the failure is logged; a redelivery of the mention by the
// network changes nothing and raises nothing.
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../../adapters/events/event-bus-port';
import type { SocialPort } from '../../adapters/social/social-port';
import type { Logger } from '../../lib/logger';

export function publishingMentionEvents(social: SocialPort, bus: EventBus, log: Logger): Pick<SocialPort, 'saveMention'> {
  return {
    async saveMention(mention) {
      const saved = await social.saveMention(mention);
      if (!saved.created) return saved;
      const stored = saved.mention;
      try {
        const [profile] = stored.profileId ? await social.findProfilesByIds([stored.profileId]) : [null];
        await bus.publish({
          id: randomUUID(),
          topic: 'mention.received',
          occurredAt: new Date().toISOString(),
          payload: { mentionId: stored.id, customerId: stored.customerId, isComplaint: stored.isComplaint, followers: profile?.followers ?? mention.authorFollowers ?? 0 },
        });
      } catch (err) {
        log.error({ err, mentionId: stored.id }, 'mention stored, but mention.received could not be published');
      }
      return saved;
    },
  };
}
