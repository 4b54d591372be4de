import { createHash } from 'node:crypto';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Logger } from '../../lib/logger';
import type { ExecutionRequest, OperationExecutor } from '../execution/operation-executor';
import type { Counter } from '../metrics/metrics-registry';
import { movedLabelsSelected, movedValues, type MovedFields } from './moved-fields';

export interface ShadowComparisonOptions {
  /** Share of eligible queries also resolved from the other side (default 1: all). */
  sampleRate?: number;
  /** Share of mismatches written to the log (default 1). */
  logSampleRate?: number;
  /** Shadow executions running at once; past it a query is not shadowed (default 20). */
  maxInFlight?: number;
  random?: () => number;
  /** Field coordinates whose values are not personal data and are logged as they are; others are hashed. */
  plainFields?: ReadonlyArray<string>;
}

export interface ShadowComparer {
  /** Called with each query's answer: may resolve it again from the other side, in the background. */
  observe(request: ExecutionRequest, result: ExecutionResult): void;
  /** Resolves when every shadow execution started so far is done (tests, shutdown). */
  idle(): Promise<void>;
}

/** Personal data never reaches the log: strings become a short hash and their length (equal values hash alike). */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return `sha256:${createHash('sha256').update(value).digest('hex').slice(0, 10)} (${value.length} chars)`;
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  return value;
}

/**
 * Shadow comparison for fields being moved by a progressive override: a query that selects such a
 * field is, after its answer is sent, run again with those labels flipped (the other subgraph
 * serves them), and the moved fields' values of both runs are compared. Outcomes are counted per
 * field (match, mismatch, error); mismatches are sampled into the log with both values redacted.
 * Mutations and subscriptions are never shadowed; the client's answer is never changed or delayed.
 */
export function createShadowComparer({
  executor,
  moved,
  comparisons,
  log,
  options = {},
}: {
  executor: () => OperationExecutor;
  moved: () => MovedFields;
  comparisons?: Counter;
  log: Logger;
  options?: ShadowComparisonOptions;
}): ShadowComparer {
  const { sampleRate = 1, logSampleRate = 1, maxInFlight = 20, random = Math.random, plainFields = [] } = options;
  const plain = new Set(plainFields);
  const running = new Set<Promise<void>>();

  const compare = async (request: ExecutionRequest, result: ExecutionResult, touched: Set<string>, fields: MovedFields) => {
    const active = request.overrideLabels ?? new Set<string>();
    const flipped = new Set(active);
    for (const label of touched) {
      if (flipped.has(label)) flipped.delete(label);
      else flipped.add(label);
    }
    const served = executor();
    let shadow: ExecutionResult | null = null;
    try {
      shadow = await served.execute({ ...request, overrideLabels: flipped });
    } catch (error) {
      log.warn({ err: error, requestId: request.requestId }, 'shadow execution failed');
    }
    const mine = movedValues(served.schema, request.document, request.operationName, result.data, fields);
    const theirs = shadow ? movedValues(served.schema, request.document, request.operationName, shadow.data, fields) : new Map<string, unknown[]>();
    for (const field of new Set([...mine.keys(), ...theirs.keys()])) {
      const label = fields.get(field) ?? '';
      if (!shadow || (shadow.errors?.length && !theirs.has(field))) {
        comparisons?.inc({ field, outcome: 'error' });
        continue;
      }
      const a = mine.get(field) ?? [];
      const b = theirs.get(field) ?? [];
      if (JSON.stringify(a) === JSON.stringify(b)) {
        comparisons?.inc({ field, outcome: 'match' });
        continue;
      }
      comparisons?.inc({ field, outcome: 'mismatch' });
      if (random() < logSampleRate) {
        const show = plain.has(field) ? (v: unknown) => v : redact;
        const sideOf = (labels: ReadonlySet<string>) => (labels.has(label) ? 'new' : 'old');
        log.warn(
          { requestId: request.requestId, field, label, served: { side: sideOf(active), values: show(a) }, shadow: { side: sideOf(flipped), values: show(b) } },
          'shadow comparison mismatch',
        );
      }
    }
  };

  return {
    observe(request, result) {
      if (sampleRate <= 0 || running.size >= maxInFlight) return;
      if (getOperationAST(request.document, request.operationName)?.operation !== 'query') return;
      const fields = moved();
      if (fields.size === 0) return;
      const touched = movedLabelsSelected(executor().schema, request.document, request.operationName, fields);
      if (touched.size === 0 || (sampleRate < 1 && random() >= sampleRate)) return;
      const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => compare(request, result, touched, fields))
        .catch((error: unknown) => log.warn({ err: error }, 'shadow comparison failed'))
        .finally(() => running.delete(task));
      running.add(task);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
