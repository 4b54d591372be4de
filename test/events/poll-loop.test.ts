import { eventually } from '../../adapters/events/event-bus-contract';
import { PollLoop } from '../../adapters/events/poll-loop';
import { silentLogger } from '../../lib/logger';

describe('poll loop', () => {
  it('polls at its interval, never two ticks at once, and keeps polling around a manual run', async () => {
    let ticks = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const loop = new PollLoop(
      async () => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((r) => setTimeout(r, 5));
        ticks += 1;
        concurrent -= 1;
      },
      { name: 't', intervalMs: 20, log: silentLogger },
    );
    loop.start();
    await loop.runOnce();
    await loop.runOnce();
    await eventually(() => ticks >= 8, 2000, 'eight ticks');
    await loop.stop();
    const stoppedAt = ticks;
    await new Promise((r) => setTimeout(r, 60));
    expect(ticks).toBe(stoppedAt);
    expect(maxConcurrent).toBe(1);
  });

  it('runs again at once while a tick reports more work, and on wake', async () => {
    let pending = 5;
    let ticks = 0;
    const loop = new PollLoop(
      async () => {
        ticks += 1;
        if (pending > 0) pending -= 1;
        return pending > 0;
      },
      { name: 't', intervalMs: 60_000, log: silentLogger },
    );
    loop.start();
    await eventually(() => pending === 0, 1000, 'the backlog drained without waiting an interval');
    const before = ticks;
    loop.wake();
    await eventually(() => ticks === before + 1, 1000, 'a tick on wake');
    await loop.stop();
  });

  it('keeps going after a failing tick, with a growing delay', async () => {
    let calls = 0;
    const loop = new PollLoop(
      async () => {
        calls += 1;
        if (calls <= 2) throw new Error('the store is down');
      },
      { name: 't', intervalMs: 10, log: silentLogger },
    );
    loop.start();
    await eventually(() => calls >= 4, 2000, 'recovery after failures');
    await loop.stop();
  });
});
