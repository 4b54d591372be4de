import type { SupergraphOverrideLabels } from './override-labels';
import { stickyPercentile } from './sticky-bucket';

/** When a custom (non-percentage) override label is active. Any rule that matches switches it on. */
export interface CustomLabelRule {
  /** Active for every request. */
  always?: boolean;
  /** Active for requests from these clients, as the client-name header names them. */
  clients?: ReadonlyArray<string>;
  /** Active when this request header carries one of these values (a tier, a region, a channel). */
  header?: { name: string; values: ReadonlyArray<string> };
}

export interface ProgressiveOverrideOptions {
  /** Mixed into every customer's hash: another seed gives another (equally sized) set of customers. */
  seed?: string;
  /** Variables that name the customer, in order of preference; a list counts by its first item. */
  stickyVariables?: ReadonlyArray<string>;
  /** The random source for requests that name no customer (per-request choice). */
  random?: () => number;
  /** A header through which a caller forces labels on (`percent(25)`) or off (`!percent(25)`); off when null. */
  forceHeader?: string | null;
  /** The header naming the client application, for `clients` rules. */
  clientNameHeader?: string;
  /** Custom labels of the supergraph and when each is active; a custom label not named here is never active. */
  customLabels?: Readonly<Record<string, CustomLabelRule>>;
}

export interface OverrideRequest {
  headers: Pick<Headers, 'get'>;
  /** The variables as the client sent them. */
  variables: Readonly<Record<string, unknown>>;
  /** The token's subject, when the caller has one: the customer of a customer token. */
  subject: string | null;
}

export interface OverrideDecision {
  labels: ReadonlySet<string>;
  /** What the percentages were decided by: `customer` (sticky), `request` (random), or `forced`/`none`. */
  basis: 'customer' | 'request' | 'none';
}

export interface OverrideRouter {
  readonly supergraphLabels: SupergraphOverrideLabels;
  decide(request: OverrideRequest): OverrideDecision;
}

const NONE: OverrideDecision = { labels: new Set(), basis: 'none' };

function keyValue(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.length > 0) return keyValue(value[0]);
  return null;
}

/** The customer a request names: a sticky variable at the top level or one level inside an input object. */
export function stickyKeyOf(variables: Readonly<Record<string, unknown>>, names: ReadonlyArray<string>): string | null {
  for (const name of names) {
    const key = keyValue(variables[name]);
    if (key !== null) return key;
  }
  for (const value of Object.values(variables)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const name of names) {
      const key = keyValue((value as Record<string, unknown>)[name]);
      if (key !== null) return key;
    }
  }
  return null;
}

/**
 * Decides, per request, which progressive `@override` labels are active. `percent(N)`: on for N% of
 * customers, the same customer always on the same side (a hash of seed, label and customer id; the
 * request's variables name the customer, else the token's subject), or for N% of requests when no
 * customer is named. Custom labels follow the configured rules. A force header, when configured,
 * wins over both.
 */
export function createOverrideRouter(supergraphLabels: SupergraphOverrideLabels, options: ProgressiveOverrideOptions = {}): OverrideRouter {
  const {
    seed = 'touchpoint',
    stickyVariables = ['customerId', 'id', 'ids', 'customerIds'],
    random = Math.random,
    forceHeader = null,
    clientNameHeader = 'x-client-name',
    customLabels = {},
  } = options;
  const known = new Set([...supergraphLabels.percent.map((p) => p.label), ...supergraphLabels.custom]);
  const custom = supergraphLabels.custom.filter((label) => customLabels[label]);
  if (known.size === 0) return { supergraphLabels, decide: () => NONE };

  const customActive = (label: string, request: OverrideRequest): boolean => {
    const rule = customLabels[label];
    if (rule.always) return true;
    const client = request.headers.get(clientNameHeader);
    if (rule.clients && client !== null && rule.clients.includes(client)) return true;
    const value = rule.header ? request.headers.get(rule.header.name) : null;
    return value !== null && rule.header !== undefined && rule.header.values.includes(value);
  };

  return {
    supergraphLabels,
    decide(request) {
      const labels = new Set<string>();
      let basis: OverrideDecision['basis'] = 'none';
      if (supergraphLabels.percent.length > 0) {
        const key = stickyKeyOf(request.variables, stickyVariables) ?? request.subject;
        basis = key === null ? 'request' : 'customer';
        // One place per request: a customer below 10% is below 25% too.
        const place = key === null ? random() * 100 : stickyPercentile(seed, key);
        for (const { label, percent } of supergraphLabels.percent) if (place < percent) labels.add(label);
      }
      for (const label of custom) if (customActive(label, request)) labels.add(label);
      const forced = forceHeader ? request.headers.get(forceHeader) : null;
      if (forced) {
        for (const item of forced.split(',').map((s) => s.trim())) {
          const off = item.startsWith('!');
          const label = off ? item.slice(1) : item;
          if (!known.has(label)) continue;
          if (off) labels.delete(label);
          else labels.add(label);
        }
      }
      return { labels, basis };
    },
  };
}
