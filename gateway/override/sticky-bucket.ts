import { createHash } from 'node:crypto';

/** Parts per million: percentages with up to four decimals split exactly. */
const SCALE = 1_000_000;

/**
 * Where a customer falls in [0, 100): the same seed and key always give the same place, and
 * places are spread evenly (the first bytes of a SHA-256). The label is not hashed: raising
 * `percent(10)` to `percent(25)` keeps the first 10% on the new side and adds others. (So every
 * percentage label of one seed starts with the same customers; change the seed to pick others.)
 */
export function stickyPercentile(seed: string, key: string): number {
  const digest = createHash('sha256').update(`${seed}\u0000${key}`).digest();
  return (digest.readUInt32BE(0) % SCALE) / (SCALE / 100);
}

/** A small seeded pseudo-random source (mulberry32), for per-request choices tests can repeat. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
