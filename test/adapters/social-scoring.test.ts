import { complaintCuesIn, scoreMention, sentimentLabel, sentimentScoreOf } from '../../adapters/social/scoring';

describe('mention scoring', () => {
  it('keeps sentiment within [-1, 1] and orders texts by how positive they are', () => {
    const rave = sentimentScoreOf('Love it, amazing, fantastic, superb, wonderful, best shop ever!');
    const good = sentimentScoreOf('Great service today');
    const neutral = sentimentScoreOf('What are your opening hours?');
    const bad = sentimentScoreOf('Awful service');
    const furious = sentimentScoreOf('Terrible, horrible, disgusting, worst, hate it, scam, useless');
    expect(rave).toBeLessThanOrEqual(1);
    expect(furious).toBeGreaterThanOrEqual(-1);
    expect([rave, good, neutral, bad, furious]).toEqual([...[rave, good, neutral, bad, furious]].sort((a, b) => b - a));
    expect(neutral).toBe(0);
    expect(rave).toBeGreaterThan(0.8);
    expect(furious).toBeLessThan(-0.8);
  });

  it('labels scores with a small neutral band', () => {
    expect(sentimentLabel(0.4)).toBe('POSITIVE');
    expect(sentimentLabel(0.01)).toBe('NEUTRAL');
    expect(sentimentLabel(0)).toBe('NEUTRAL');
    expect(sentimentLabel(-0.3)).toBe('NEGATIVE');
  });

  it.each([
    ['My lamp from @touchpointshop arrived broken. Terrible.', ['broken']],
    ['Still waiting for my order @touchpointshop, awful service, want a refund', ['refund', 'waiting']],
    ['@touchpointshop the kettle stopped working after a week, very disappointed', ['not working']],
    ['My order never arrived', ['never arrived']],
    ['Wrong size delivered and nobody answers', ['wrong item', 'no answer']],
    ['My order never arrived and nobody answers, I want a refund', ['refund', 'never arrived', 'no answer']],
  ])('detects a complaint: %s', (text, cues) => {
    const score = scoreMention(text);
    expect(score.isComplaint).toBe(true);
    expect(score.cues).toEqual(cues);
    expect(score.sentimentScore).toBeLessThanOrEqual(0);
  });

  it.each([
    'Love my new lamp from @touchpointshop, fast delivery!',
    'Great service from @touchpointshop today',
    'Does @touchpointshop ship the lamp to Canada?',
    'Got my refund within a day, great service, thank you!',
    'This is terrible weather today',
  ])('does not call this a complaint: %s', (text) => {
    expect(scoreMention(text).isComplaint).toBe(false);
  });

  it('finds no cue in a text without one', () => {
    expect(complaintCuesIn('Looking at the lamp on the site')).toEqual([]);
  });
});
