// Social listening: how loudly a customer is heard. A complaint weighs about ten times as much as
// praise in the listening score (a complaint unheard costs far more than praise unheard), and a
// vocal (many complaints) or influential (many followers) customer is a social member whom the
// call centre routes with priority to a matching skill.
import { NEUTRAL_BAND } from '../scoring';

export interface ListeningPolicy {
  /** Weight of one complaint in the listening score (default 10). */
  complaintWeight: number;
  /** Weight of one praising mention (positive, not a complaint; default 1). */
  praiseWeight: number;
  /** Weight of any other mention (default 0). */
  neutralWeight: number;
  /** Followers on one profile from which a customer is influential. */
  influentialFollowers: number;
  /** Complaints from which a customer is vocal. */
  vocalComplaints: number;
}

export const DEFAULT_LISTENING_POLICY: ListeningPolicy = {
  complaintWeight: 10,
  praiseWeight: 1,
  neutralWeight: 0,
  influentialFollowers: 10_000,
  vocalComplaints: 3,
};

/** A positive mention that is not a complaint counts as praise. */
export const PRAISE_ABOVE = NEUTRAL_BAND;

/** What the social store knows about one customer's voice. */
export interface ListeningStats {
  mentions: number;
  complaints: number;
  praise: number;
  /** The most followers on any of the customer's profiles (0 without profiles). */
  maxFollowers: number;
}

export type RoutingPriority = 'NORMAL' | 'ELEVATED' | 'HIGH';
export type RoutingSkill = 'SOCIAL_CARE' | 'COMPLAINT_RECOVERY';

export interface RoutingHint {
  priority: RoutingPriority;
  skill: RoutingSkill;
  /** Why, in words, for the agent's screen. */
  reasons: string[];
}

export interface CustomerListening extends ListeningStats {
  score: number;
  influential: boolean;
  vocal: boolean;
  socialMember: boolean;
  /** Null: route as usual. */
  routingHint: RoutingHint | null;
}

export function requireValidPolicy(policy: ListeningPolicy): ListeningPolicy {
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`listening policy: ${key} must be a number >= 0`);
  }
  return policy;
}

export function listeningScore(stats: ListeningStats, policy: ListeningPolicy = DEFAULT_LISTENING_POLICY): number {
  const neutral = stats.mentions - stats.complaints - stats.praise;
  return stats.complaints * policy.complaintWeight + stats.praise * policy.praiseWeight + neutral * policy.neutralWeight;
}

export function assessListening(stats: ListeningStats, policy: ListeningPolicy = DEFAULT_LISTENING_POLICY): CustomerListening {
  const influential = stats.maxFollowers >= policy.influentialFollowers;
  const vocal = stats.complaints >= policy.vocalComplaints;
  const reasons: string[] = [];
  if (influential) reasons.push(`influential: ${stats.maxFollowers} followers (from ${policy.influentialFollowers})`);
  if (vocal) reasons.push(`vocal: ${stats.complaints} complaints (from ${policy.vocalComplaints})`);
  let routingHint: RoutingHint | null = null;
  if (influential || vocal) {
    // A complaint from a vocal or influential customer is a public problem in the making.
    const unhappy = stats.complaints > 0;
    routingHint = {
      priority: vocal || (influential && unhappy) ? 'HIGH' : 'ELEVATED',
      skill: unhappy ? 'COMPLAINT_RECOVERY' : 'SOCIAL_CARE',
      reasons,
    };
  }
  return { ...stats, score: listeningScore(stats, policy), influential, vocal, socialMember: influential || vocal, routingHint };
}
