import { advancePosition, expireGaps, formatPosition, parsePosition } from '../../adapters/events/change-capture/change-position';

describe('change position (watermark with gaps)', () => {
  it('moves past contiguous rows without gaps', () => {
    expect(advancePosition({ seq: 10, gaps: [] }, [11, 12, 13], 1000)).toEqual({ seq: 13, gaps: [] });
  });

  it('remembers numbers skipped above the old position as gaps, to be read again', () => {
    expect(advancePosition({ seq: 10, gaps: [] }, [12, 15], 1000)).toEqual({
      seq: 15,
      gaps: [
        { from: 11, to: 11, seenAtMs: 1000 },
        { from: 13, to: 14, seenAtMs: 1000 },
      ],
    });
  });

  it('closes a gap when its rows show up late, keeping what is still missing', () => {
    const position = { seq: 20, gaps: [{ from: 11, to: 14, seenAtMs: 500 }] };
    expect(advancePosition(position, [12, 21], 1000)).toEqual({
      seq: 21,
      gaps: [
        { from: 11, to: 11, seenAtMs: 500 },
        { from: 13, to: 14, seenAtMs: 500 },
      ],
    });
    expect(advancePosition({ seq: 20, gaps: [{ from: 11, to: 11, seenAtMs: 500 }] }, [11], 1000)).toEqual({ seq: 20, gaps: [] });
  });

  it('gives up on gaps older than the timeout (rolled-back transactions)', () => {
    const position = { seq: 20, gaps: [{ from: 5, to: 5, seenAtMs: 0 }, { from: 15, to: 15, seenAtMs: 9000 }] };
    expect(expireGaps(position, 10_000, 5000)).toEqual({ seq: 20, gaps: [{ from: 15, to: 15, seenAtMs: 9000 }] });
    expect(expireGaps(position, 1000, 5000)).toBe(position);
  });

  it('keeps at most the newest gaps', () => {
    const next = advancePosition({ seq: 0, gaps: [] }, [2, 4, 6, 8], 1, 2);
    expect(next.gaps.map((g) => g.from)).toEqual([5, 7]);
  });

  it('round-trips through the watermark text and refuses a foreign one', () => {
    const position = { seq: 812, gaps: [{ from: 790, to: 791, seenAtMs: 1717171717000 }] };
    expect(parsePosition(formatPosition(position))).toEqual(position);
    expect(parsePosition(null)).toBeNull();
    expect(() => parsePosition('{"seq":-1,"gaps":[]}')).toThrow();
    expect(() => parsePosition('{"seq":5,"gaps":[[3,2,0]]}')).toThrow();
  });
});
