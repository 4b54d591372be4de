/**
 * The last `capacity` event ids seen, to drop the duplicates an at-least-once bus may deliver.
 * A Map keeps insertion order, so the oldest id is the first key.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is seen (within the window), false for a duplicate. */
  firstSeen(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value as string);
    return true;
  }
}
