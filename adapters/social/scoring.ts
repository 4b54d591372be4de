// Scores a mention's text: sentiment from the AFINN word list (the `sentiment` package) squashed
// into [-1, 1], and complaint detection from a small set of cues.
import Sentiment from 'sentiment';

export type SentimentLabel = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

export interface MentionScore {
  /** From -1 (very negative) to 1 (very positive). */
  sentimentScore: number;
  sentiment: SentimentLabel;
  isComplaint: boolean;
  /** The complaint cues found in the text (for explanations and tuning). */
  cues: string[];
}

/** Phrases that, in a text that is not positive, make a mention a complaint. */
export const COMPLAINT_CUES: readonly { cue: string; pattern: RegExp }[] = [
  { cue: 'refund', pattern: /\brefund/i },
  { cue: 'broken', pattern: /\bbroken\b|\bbroke\b/i },
  { cue: 'damaged', pattern: /\bdamaged?\b|\bdefective\b/i },
  { cue: 'waiting', pattern: /\bwaiting\b|\bstill wait/i },
  { cue: 'never arrived', pattern: /\bnever (arrived|came|received|got)\b|\b(hasn'?t|has not|didn'?t|did not|not yet) (arrived|come|arrive)\b/i },
  { cue: 'late', pattern: /\blate\b|\bdelayed\b/i },
  { cue: 'missing', pattern: /\bmissing\b|\blost\b/i },
  { cue: 'wrong item', pattern: /\bwrong (item|size|colou?r|order|product)\b/i },
  { cue: 'not working', pattern: /\bstopped working\b|\b(not|isn'?t|doesn'?t|does not|won'?t) work(ing)?\b/i },
  { cue: 'cancel', pattern: /\bcancel/i },
  { cue: 'no answer', pattern: /\bno (answer|reply|response)\b|\bnobody (answers|replies)\b/i },
  { cue: 'complaint', pattern: /\bcomplain/i },
];

/** Below -NEUTRAL_BAND is negative, above it positive. */
export const NEUTRAL_BAND = 0.05;

// AFINN sums are unbounded (-5 per word); x / sqrt(x² + α) maps them smoothly into (-1, 1),
// with one mildly negative word (-2) near -0.46 and a strongly negative sentence (-6) near -0.84.
const SQUASH_ALPHA = 15;

/**
 * AFINN is a general-purpose list; a few words mean something else in customer service:
 * "I want a refund" is no praise, and the words of delivery trouble are negative.
 */
export const SERVICE_LEXICON: Readonly<Record<string, number>> = {
  want: 0,
  refund: -2,
  broken: -2,
  damaged: -2,
  defective: -3,
  waiting: -1,
  late: -1,
  delayed: -1,
  missing: -2,
};

const analyzer = new Sentiment();

export function sentimentScoreOf(text: string): number {
  const raw = analyzer.analyze(text, { extras: { ...SERVICE_LEXICON } }).score;
  const squashed = raw / Math.sqrt(raw * raw + SQUASH_ALPHA);
  return Math.round(squashed * 1000) / 1000;
}

export function sentimentLabel(score: number): SentimentLabel {
  if (score > NEUTRAL_BAND) return 'POSITIVE';
  if (score < -NEUTRAL_BAND) return 'NEGATIVE';
  return 'NEUTRAL';
}

export function complaintCuesIn(text: string): string[] {
  return COMPLAINT_CUES.filter(({ pattern }) => pattern.test(text)).map(({ cue }) => cue);
}

/**
 * A complaint is a mention that names a complaint cue and is not positive: "never arrived" carries
 * no sentiment word and is still a complaint, while "quick refund, thanks!" is praise.
 */
export function scoreMention(text: string): MentionScore {
  const sentimentScore = sentimentScoreOf(text);
  const cues = complaintCuesIn(text);
  return { sentimentScore, sentiment: sentimentLabel(sentimentScore), isComplaint: cues.length > 0 && sentimentScore <= 0, cues };
}
