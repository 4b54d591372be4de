import type { CustomLabelRule, ProgressiveOverrideOptions } from './override-router';
import type { ShadowComparisonOptions } from './shadow-comparison';

type Env = Readonly<Record<string, string | undefined>>;

export const OVERRIDE_USAGE = `Progressive @override (labels "percent(N)" and custom labels):
  OVERRIDE_SEED              seed of the per-customer hash (default "touchpoint"); another seed picks other customers
  OVERRIDE_STICKY_VARIABLES  variables naming the customer, in order (default customerId,id,ids,customerIds)
  OVERRIDE_FORCE_HEADER      a header through which callers force labels on ("percent(25)") or off ("!percent(25)"); off when unset
  OVERRIDE_CLIENT_HEADER     the header naming the client application (default x-client-name)
  OVERRIDE_CUSTOM_LABELS     JSON: when each custom label is on, e.g.
                             {"desk-pilot":{"clients":["agent-desk"]},"gold":{"header":{"name":"x-tier","values":["GOLD"]}},"on":{"always":true}}
`;

function customLabels(text: string): Record<string, CustomLabelRule> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`OVERRIDE_CUSTOM_LABELS is not JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('OVERRIDE_CUSTOM_LABELS must be an object of label -> rule');
  const rules: Record<string, CustomLabelRule> = {};
  for (const [label, rule] of Object.entries(parsed as Record<string, unknown>)) {
    const r = rule as Record<string, unknown> | null;
    const header = r?.header as { name?: unknown; values?: unknown } | undefined;
    const valid =
      r !== null && typeof r === 'object' &&
      (r.always === undefined || typeof r.always === 'boolean') &&
      (r.clients === undefined || (Array.isArray(r.clients) && r.clients.every((c) => typeof c === 'string'))) &&
      (header === undefined || (typeof header.name === 'string' && Array.isArray(header.values) && header.values.every((v) => typeof v === 'string')));
    if (!valid) throw new Error(`OVERRIDE_CUSTOM_LABELS: the rule of "${label}" must be {always?: boolean, clients?: string[], header?: {name, values: string[]}}`);
    rules[label] = r as CustomLabelRule;
  }
  return rules;
}

/** The gateway's progressive override settings from the environment (read by main.ts). */
export function overrideSettingsFromEnv(env: Env): ProgressiveOverrideOptions {
  const options: ProgressiveOverrideOptions = {};
  if (env.OVERRIDE_SEED) options.seed = env.OVERRIDE_SEED;
  if (env.OVERRIDE_STICKY_VARIABLES) options.stickyVariables = env.OVERRIDE_STICKY_VARIABLES.split(',').map((s) => s.trim()).filter(Boolean);
  if (env.OVERRIDE_FORCE_HEADER) options.forceHeader = env.OVERRIDE_FORCE_HEADER.toLowerCase();
  if (env.OVERRIDE_CLIENT_HEADER) options.clientNameHeader = env.OVERRIDE_CLIENT_HEADER.toLowerCase();
  if (env.OVERRIDE_CUSTOM_LABELS) options.customLabels = customLabels(env.OVERRIDE_CUSTOM_LABELS);
  return options;
}

export const SHADOW_USAGE = `Shadow comparison of fields being moved (off by default):
  SHADOW_COMPARE             true: resolve moved fields of queries from the other side too, compare, count (metrics) and log mismatches
  SHADOW_SAMPLE_RATE         share of eligible queries shadowed, 0..1 (default 1)
  SHADOW_LOG_SAMPLE_RATE     share of mismatches logged, 0..1 (default 1)
  SHADOW_PLAIN_FIELDS        field coordinates logged as they are (e.g. Customer.segment); all others are hashed
  Report: npx tsx gateway/metrics/shadow-report-main.ts http://<gateway>/metrics
`;

function rate(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${name} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
  return n;
}

/** Shadow comparison settings from the environment (read by main.ts); false when SHADOW_COMPARE is not true. */
export function shadowSettingsFromEnv(env: Env): false | ShadowComparisonOptions {
  if (!/^(true|1|yes|on)$/i.test(env.SHADOW_COMPARE ?? '')) return false;
  const options: ShadowComparisonOptions = {};
  const sampleRate = rate(env.SHADOW_SAMPLE_RATE, 'SHADOW_SAMPLE_RATE');
  const logSampleRate = rate(env.SHADOW_LOG_SAMPLE_RATE, 'SHADOW_LOG_SAMPLE_RATE');
  if (sampleRate !== undefined) options.sampleRate = sampleRate;
  if (logSampleRate !== undefined) options.logSampleRate = logSampleRate;
  if (env.SHADOW_PLAIN_FIELDS) options.plainFields = env.SHADOW_PLAIN_FIELDS.split(',').map((s) => s.trim()).filter(Boolean);
  return options;
}
