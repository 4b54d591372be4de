// Polls a trigger-fed change table and publishes what changed, past a watermark kept in the hub
// store. One poller at a time holds the stream (a lease in the hub store's database); a second
// instance stands by and takes over when the holder dies. Per poll: read the new rows (and rows
// that filled earlier gaps), turn them into events (coalescing several changes of one key), publish
// them, then advance the watermark and purge the rows read. A crash between publishing and
// advancing publishes those events again: delivery is at least once.
import type { Logger } from '../../../lib/logger';
import type { WatermarkPort } from '../../hub/hub-store-port';
import type { EventBus, HubEvent } from '../event-bus-port';
import { LeaseHolder } from '../lease/lease-holder';
import type { LeasePort } from '../lease/lease-port';
import { PollLoop } from '../poll-loop';
import { advancePosition, expireGaps, formatPosition, parsePosition, START_POSITION, type ChangePosition } from './change-position';
import type { ChangeLog, ChangeRow } from './sql-change-log';

export interface ChangeCaptureTuning {
  /** Poll interval (default 500 ms). */
  intervalMs?: number;
  /** Change rows per poll (default 500). */
  batchSize?: number;
  /** How long a missing sequence number is waited for (default 120 s). */
  gapTimeoutMs?: number;
  /** A holder that stops renewing is replaced after this (default 5000 ms). */
  leaseTtlMs?: number;
  holderId?: string;
}

export interface ChangeTablePollerOptions<Row extends ChangeRow> extends ChangeCaptureTuning {
  /** Names the watermark and the lease, e.g. `change-capture:erp.orders`. */
  stream: string;
  changes: ChangeLog<Row>;
  /** Turns one poll's rows into events, coalescing per key; ids should derive from the rows. */
  toEvents(rows: Row[]): Promise<HubEvent[]>;
  watermarks: WatermarkPort;
  lease: LeasePort;
  bus: EventBus;
  log: Logger;
}

/** A running change capture. */
export interface ChangeCapture {
  /** Polls now instead of at the next interval. */
  wake(): void;
  /** One poll now; true when more rows are waiting. */
  runOnce(): Promise<boolean>;
  /** Stops polling, gives the lease up and closes what the capture opened. */
  stop(): Promise<void>;
}

export function startChangeTablePoller<Row extends ChangeRow>(options: ChangeTablePollerOptions<Row>, onStop: () => Promise<void> = async () => {}): ChangeCapture {
  const log = options.log.child({ component: 'change-capture', stream: options.stream });
  const batchSize = options.batchSize ?? 500;
  const gapTimeoutMs = options.gapTimeoutMs ?? 120_000;
  const holder = new LeaseHolder(options.lease, options.stream, { ttlMs: options.leaseTtlMs, holderId: options.holderId });
  let checkedStart = false;

  const save = (position: ChangePosition) => options.watermarks.set(options.stream, formatPosition(position));

  /** The position to read from; on the first poll, also repairs a watermark the table no longer matches. */
  const startingPosition = async (): Promise<ChangePosition> => {
    const stored = parsePosition(await options.watermarks.get(options.stream));
    if (!stored) {
      // Changes made before the hub first listened are history, not news: start at the end.
      const position = { seq: (await options.changes.maxSeq()) ?? 0, gaps: [] };
      await save(position);
      log.info({ seq: position.seq }, 'change capture starts at the end of the change table');
      checkedStart = true;
      return position;
    }
    if (!checkedStart) {
      checkedStart = true;
      const max = await options.changes.maxSeq();
      if (stored.seq > 0 && (max ?? 0) < stored.seq) {
        // The row at the watermark is never purged, so the table was emptied or re-created.
        log.warn({ watermark: stored.seq, max }, 'the change table is behind the watermark; reading it from the start');
        await save(START_POSITION);
        return START_POSITION;
      }
    }
    return stored;
  };

  const tick = async (): Promise<boolean> => {
    if (!(await holder.ensure())) return false;
    const stored = await startingPosition();
    const position = expireGaps(stored, Date.now(), gapTimeoutMs);
    if (position !== stored) log.warn({ expired: stored.gaps.length - position.gaps.length }, 'gave up waiting for missing change rows (rolled back?)');
    const rows = await options.changes.read(position, batchSize);
    if (rows.length === 0) {
      if (position !== stored) await save(position);
      return false;
    }
    const events = await options.toEvents(rows);
    for (const event of events) {
      // A poller that lost its lease stops before publishing for another holder.
      if (!holder.held) return false;
      await options.bus.publish(event);
    }
    const next = advancePosition(position, rows.map((r) => r.seq), Date.now());
    await save(next);
    await options.changes.purge(next);
    log.debug({ rows: rows.length, events: events.length, seq: next.seq, gaps: next.gaps.length }, 'changes published');
    return rows.length === batchSize;
  };

  const loop = new PollLoop(tick, { name: options.stream, intervalMs: options.intervalMs ?? 500, log });
  loop.start();
  return {
    wake: () => loop.wake(),
    runOnce: () => loop.runOnce(),
    stop: async () => {
      await loop.stop();
      await holder.release().catch((err: unknown) => log.warn({ err }, 'could not release the change capture lease'));
      await onStop();
    },
  };
}
