// The listening score and the call-centre routing rules on their own.
import { assessListening, DEFAULT_LISTENING_POLICY, listeningScore, requireValidPolicy } from '../../adapters/social/listening/listening-policy';

const stats = (s: Partial<{ mentions: number; complaints: number; praise: number; maxFollowers: number }>) => ({ mentions: 0, complaints: 0, praise: 0, maxFollowers: 0, ...s });

describe('listening score', () => {
  it('weighs one complaint like ten praising mentions by default', () => {
    expect(listeningScore(stats({ mentions: 1, complaints: 1 }))).toBe(10);
    expect(listeningScore(stats({ mentions: 10, praise: 10 }))).toBe(10);
    expect(listeningScore(stats({ mentions: 5, complaints: 1, praise: 2 }))).toBe(12);
  });

  it('takes configured weights', () => {
    const policy = { ...DEFAULT_LISTENING_POLICY, complaintWeight: 4, praiseWeight: 2, neutralWeight: 0.5 };
    expect(listeningScore(stats({ mentions: 4, complaints: 1, praise: 1 }), policy)).toBe(4 + 2 + 1);
    expect(() => requireValidPolicy({ ...DEFAULT_LISTENING_POLICY, complaintWeight: -1 })).toThrow(/complaintWeight/);
  });
});

describe('social member and routing hint', () => {
  it('routes a customer who is neither vocal nor influential as usual', () => {
    const l = assessListening(stats({ mentions: 3, complaints: 2, maxFollowers: 9_999 }));
    expect(l).toMatchObject({ socialMember: false, routingHint: null, vocal: false, influential: false, score: 20 });
  });

  it('gives an influential, content customer elevated social care', () => {
    expect(assessListening(stats({ mentions: 2, praise: 2, maxFollowers: 10_000 })).routingHint).toEqual({
      priority: 'ELEVATED',
      skill: 'SOCIAL_CARE',
      reasons: ['influential: 10000 followers (from 10000)'],
    });
  });

  it('gives an influential customer who complained, or a vocal one, high priority complaint recovery', () => {
    expect(assessListening(stats({ mentions: 1, complaints: 1, maxFollowers: 50_000 }))).toMatchObject({ socialMember: true, routingHint: { priority: 'HIGH', skill: 'COMPLAINT_RECOVERY' } });
    const vocal = assessListening(stats({ mentions: 3, complaints: 3, maxFollowers: 12 }));
    expect(vocal).toMatchObject({ socialMember: true, vocal: true, influential: false, routingHint: { priority: 'HIGH', skill: 'COMPLAINT_RECOVERY', reasons: ['vocal: 3 complaints (from 3)'] } });
  });
});
