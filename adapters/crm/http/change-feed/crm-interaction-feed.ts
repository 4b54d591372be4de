// Hears new CRM interactions through the CRM's change feed and publishes `interaction.created`.
// Like change capture on the SQL systems: one poller at a time holds the feed (a lease in the hub
// store's database), its token is a watermark in the hub store, and the token advances only after
// the page's events were published (at least once; the event id is the activity's id).
import type { Logger } from '../../../../lib/logger';
import type { EventBus, HubEvent } from '../../../events/event-bus-port';
import type { ChangeCapture, ChangeCaptureTuning } from '../../../events/change-capture/change-table-poller';
import { LeaseHolder } from '../../../events/lease/lease-holder';
import type { LeasePort } from '../../../events/lease/lease-port';
import { PollLoop } from '../../../events/poll-loop';
import type { WatermarkPort } from '../../../hub/hub-store-port';
import { toInteraction } from '../crm-mappers';
import { CrmChangeFeedClient, FeedTokenExpiredError, type CrmChangeFeedClientOptions } from './crm-change-feed-client';
import type { ActivityChangeDto } from './crm-change-feed-dto';

export const CRM_INTERACTION_STREAM = 'change-feed:crm.interactions';

export interface CrmInteractionFeedOptions extends Omit<ChangeCaptureTuning, 'gapTimeoutMs'> {
  crmApiUrl: string;
  crmApiKey?: string;
  httpTimeoutMs?: number;
  onHttpAttempt?: CrmChangeFeedClientOptions['onAttempt'];
  watermarks: WatermarkPort;
  lease: LeasePort;
  bus: EventBus;
  log: Logger;
  /** Watermark and lease name (default `change-feed:crm.interactions`). */
  stream?: string;
}

function toEvent(change: ActivityChangeDto, log: Logger): HubEvent<'interaction.created'> | null {
  if (change.CHG_TYP !== 'I') return null;
  const interaction = change.ACTIVITY ? toInteraction(change.ACTIVITY) : null;
  if (!interaction) {
    log.warn({ seq: change.CHG_SEQ }, 'skipped a CRM activity the hub cannot represent');
    return null;
  }
  return {
    id: `crm:activity:${interaction.id}`,
    topic: 'interaction.created',
    occurredAt: interaction.occurredAt.toISOString(),
    payload: { interactionId: interaction.id, customerId: interaction.customerId },
  };
}

export function startCrmInteractionFeed(options: CrmInteractionFeedOptions): ChangeCapture {
  const stream = options.stream ?? CRM_INTERACTION_STREAM;
  const log = options.log.child({ component: 'change-feed', stream });
  const client = new CrmChangeFeedClient({ baseUrl: options.crmApiUrl, apiKey: options.crmApiKey, timeoutMs: options.httpTimeoutMs, onAttempt: options.onHttpAttempt });
  const holder = new LeaseHolder(options.lease, stream, { ttlMs: options.leaseTtlMs, holderId: options.holderId });

  const tick = async (): Promise<boolean> => {
    if (!(await holder.ensure())) return false;
    const token = await options.watermarks.get(stream);
    if (token === null) {
      // Interactions recorded before the hub first listened are history, not news.
      const head = await client.changesSince(null, 1);
      await options.watermarks.set(stream, head.NEXT_TOKEN);
      log.info('CRM change feed: listening from its head');
      return false;
    }
    let page;
    try {
      page = await client.changesSince(token, options.batchSize ?? 200);
    } catch (err) {
      if (!(err instanceof FeedTokenExpiredError)) throw err;
      const head = await client.changesSince(null, 1);
      await options.watermarks.set(stream, head.NEXT_TOKEN);
      log.warn({ err }, 'the CRM refused the change feed token; listening from its head (changes in between are missed)');
      return false;
    }
    for (const change of page.CHANGES) {
      if (!holder.held) return false;
      const event = toEvent(change, log);
      if (event) await options.bus.publish(event);
    }
    if (page.NEXT_TOKEN !== token) await options.watermarks.set(stream, page.NEXT_TOKEN);
    return page.MORE_FLG === 'Y';
  };

  const loop = new PollLoop(tick, { name: stream, intervalMs: options.intervalMs ?? 500, log });
  loop.start();
  return {
    wake: () => loop.wake(),
    runOnce: () => loop.runOnce(),
    stop: async () => {
      await loop.stop();
      await holder.release().catch((err: unknown) => log.warn({ err }, 'could not release the change feed lease'));
      await client.close();
    },
  };
}
