import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { LeasePort } from './lease-port';

/** An id for this process's claims, readable in the lease table. */
export function newHolderId(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface LeaseHolderOptions {
  /** How long a claim lasts without renewal; a dead holder is replaced after at most this. Default 5000. */
  ttlMs?: number;
  holderId?: string;
  /** A monotonic clock in milliseconds (tests may pass their own). */
  now?: () => number;
}

/**
 * One process's side of a lease: claims it, renews it once a third of its time has passed, and
 * knows how long it may still act on it. The local deadline is counted from before the claim was
 * sent, minus a margin, so it ends before the store's.
 */
export class LeaseHolder {
  readonly holderId: string;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private claimedAt = Number.NEGATIVE_INFINITY;
  private validUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly lease: LeasePort,
    readonly name: string,
    options: LeaseHolderOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5000;
    if (!(this.ttlMs >= 100)) throw new Error('a lease lasts at least 100 ms');
    this.holderId = options.holderId ?? newHolderId();
    this.now = options.now ?? (() => performance.now());
  }

  /** True while this process may act on the lease. */
  get held(): boolean {
    return this.now() < this.validUntil;
  }

  /** Claims or renews the lease when due; true when this process holds it. */
  async ensure(): Promise<boolean> {
    const started = this.now();
    if (this.held && started - this.claimedAt < this.ttlMs / 3) return true;
    let acquired = false;
    try {
      acquired = await this.lease.tryAcquire(this.name, this.holderId, this.ttlMs);
    } finally {
      if (!acquired) this.validUntil = Number.NEGATIVE_INFINITY;
    }
    if (acquired) {
      this.claimedAt = started;
      this.validUntil = started + this.ttlMs - Math.min(1000, this.ttlMs / 4);
    }
    return acquired;
  }

  async release(): Promise<void> {
    const had = this.validUntil !== Number.NEGATIVE_INFINITY;
    this.validUntil = Number.NEGATIVE_INFINITY;
    if (had) await this.lease.release(this.name, this.holderId);
  }
}
