// The brokers the event suites run against (the machine's Redis and NATS, like CI's), and names
// unique to one test run, since other runs share them.
import { randomBytes } from 'node:crypto';
import { connect } from 'nats';

export const TEST_REDIS_URL = process.env.TOUCHPOINT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_NATS_URL = process.env.TOUCHPOINT_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** A prefix (one subject token) no other run uses. */
export function uniquePrefix(label: string): string {
  return `tptest_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Deletes a JetStream stream a test run created. */
export async function deleteNatsStream(name: string): Promise<void> {
  const nc = await connect({ servers: new URL(TEST_NATS_URL).host });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(name).catch(() => false);
  } finally {
    await nc.close();
  }
}
