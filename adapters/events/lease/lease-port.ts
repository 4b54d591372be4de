// A lease: at most one holder of a named duty (relaying the outbox, polling a change table) at a
// time across processes; when the holder dies, the lease runs out and another process takes over.

export interface LeasePort {
  /**
   * Takes the lease for `ttlMs` when it is free or expired, or extends it when `holder` has it.
   * True when `holder` holds it now. Atomic across processes; time is the store's clock.
   */
  tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once (a clean stop), if `holder` still has it. */
  release(name: string, holder: string): Promise<void>;
}
