import { UpstreamUnavailableError } from '../../../lib/errors';
import type { CompiledFetch } from '../plan/compiled-fetch';
import { bodyPrefixFor } from '../plan/compiled-fetch';
import type { RepresentationBatch } from '../plan/representation-encoder';
import type { SubgraphErrorPayload, SubgraphResponse } from '../transport/subgraph-fetcher';
import { collectEntities, collectEntitiesWithAncestors, collectEntityPaths } from './collect-entities';
import type { Cursor, ExecutionState } from './execution-state';
import { copyJson, mergeResult } from './merge-result';
import { fetchFailure, subgraphError, SUBREQUEST_HTTP_ERROR, SUBREQUEST_MALFORMED_RESPONSE } from './subgraph-errors';

type Json = Record<string, unknown>;

/**
 * Runs one fetch of the plan at the cursor and merges what the subgraph returned into the answer.
 * Never throws: a failed fetch becomes an error naming the subgraph, and the fields it would
 * have filled stay empty (partial data).
 */
export async function runFetch(state: ExecutionState, fetch: CompiledFetch, cursor: Cursor): Promise<void> {
  try {
    if (fetch.representations === null) await runRootFetch(state, fetch, cursor);
    else if (fetch.context === null) await runEntityFetch(state, fetch, cursor);
    else await runContextualEntityFetch(state, fetch, cursor);
  } catch (error) {
    if (error instanceof UpstreamUnavailableError) {
      state.log.warn({ err: error.cause ?? error, subgraph: fetch.serviceName }, 'subgraph fetch failed');
      state.errors.push(fetchFailure(capitalize(error.message), fetch.serviceName, SUBREQUEST_HTTP_ERROR));
    } else {
      const message = error instanceof Error ? error.message : String(error);
      state.errors.push(fetchFailure(message, fetch.serviceName, SUBREQUEST_MALFORMED_RESPONSE));
    }
  }
}

async function runRootFetch(state: ExecutionState, fetch: CompiledFetch, cursor: Cursor): Promise<void> {
  const targets = collectEntities(cursor.root, cursor.path);
  if (targets.length === 0) return;
  const response = await send(state, fetch, `${fetch.bodyPrefix}${variableMembers(fetch, state)}}}`);
  if (response.errors) {
    for (const error of response.errors) {
      state.errors.push(subgraphError(error, fetch.serviceName, error.path ? [...cursor.path, ...error.path] : undefined));
    }
  }
  const data = response.data;
  if (!data) return;
  fetch.outputRewrites?.(data);
  for (let i = 0; i < targets.length; i++) mergeResult(targets[i], i > 0 && state.isolateEntities ? copyJson(data) : data);
}

async function runEntityFetch(state: ExecutionState, fetch: CompiledFetch, cursor: Cursor): Promise<void> {
  const entities = collectEntities(cursor.root, cursor.path);
  if (entities.length === 0) return;
  const batch = fetch.representations!();
  const slotOf = new Int32Array(entities.length);
  for (let i = 0; i < entities.length; i++) slotOf[i] = batch.add(entities[i]);
  if (batch.json.length === 0) return;
  const members = variableMembers(fetch, state);
  const body = `${fetch.bodyPrefix}"representations":[${batch.json.join(',')}]${members ? `,${members}` : ''}}}`;
  const response = await send(state, fetch, body);
  if (response.errors) {
    reportEntityErrors(state, fetch, response.errors, cursor, (alias, index) => (alias === '_entities' ? indicesOf(slotOf, index) : []));
  }
  if (!response.data) return;
  const received = entitiesOf(response.data, '_entities', batch.json.length);
  mergeEntities(state, fetch, entities, slotOf, received);
}

async function runContextualEntityFetch(state: ExecutionState, fetch: CompiledFetch, cursor: Cursor): Promise<void> {
  const context = fetch.context!;
  const items = collectEntitiesWithAncestors(cursor.root, cursor.path);
  if (items.length === 0) return;
  const groups: Array<{ values: unknown[]; batch: RepresentationBatch }> = [];
  const newBatch = fetch.representations!;
  const groupByValues = new Map<string, number>();
  const groupOf = new Int32Array(items.length);
  const slotOf = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const values = context.valuesOf(items[i].entity, items[i].ancestors);
    const key = JSON.stringify(values);
    let group = groupByValues.get(key);
    if (group === undefined) {
      group = groups.length;
      groups.push({ values, batch: newBatch() });
      groupByValues.set(key, group);
    }
    groupOf[i] = group;
    slotOf[i] = groups[group].batch.add(items[i].entity);
  }
  const sending = groups.filter((group) => group.batch.json.length > 0);
  if (sending.length === 0) return;
  const members: string[] = [];
  sending.forEach((group, g) => {
    members.push(`"representations_${g}":[${group.batch.json.join(',')}]`);
    context.variables.forEach((name, v) => members.push(`${JSON.stringify(`${name}_${g}`)}:${JSON.stringify(group.values[v] ?? null)}`));
  });
  const shared = variableMembers(fetch, state);
  if (shared) members.push(shared);
  const body = `${bodyPrefixFor(context.operationFor(sending.length), fetch.operationName)}${members.join(',')}}}`;
  const response = await send(state, fetch, body);
  const sentIndex = groups.map((group) => sending.indexOf(group));
  if (response.errors) {
    reportEntityErrors(state, fetch, response.errors, cursor, (alias, index) => {
      const g = /^_(\d+)$/.exec(alias);
      if (!g) return [];
      const out: number[] = [];
      for (let i = 0; i < items.length; i++) if (sentIndex[groupOf[i]] === Number(g[1]) && slotOf[i] === index) out.push(i);
      return out;
    });
  }
  if (!response.data) return;
  const data = response.data;
  const receivedPerGroup = sending.map((group, g) => entitiesOf(data, `_${g}`, group.batch.json.length));
  for (let i = 0; i < items.length; i++) {
    const g = sentIndex[groupOf[i]];
    if (g < 0 || slotOf[i] < 0) continue;
    const received = receivedPerGroup[g][slotOf[i]];
    if (received === null || typeof received !== 'object') continue;
    const value = copyJson(received as Json);
    if (value.__typename === undefined) value.__typename = items[i].entity.__typename;
    fetch.outputRewrites?.(value);
    mergeResult(items[i].entity, value);
  }
}

function mergeEntities(state: ExecutionState, fetch: CompiledFetch, entities: Json[], slotOf: Int32Array, received: unknown[]): void {
  const prepared = new Uint8Array(received.length);
  for (let i = 0; i < entities.length; i++) {
    const slot = slotOf[i];
    if (slot < 0) continue;
    let value = received[slot];
    if (value === null || typeof value !== 'object') continue;
    if (prepared[slot] === 0) {
      if ((value as Json).__typename === undefined) (value as Json).__typename = entities[i].__typename;
      fetch.outputRewrites?.(value);
      prepared[slot] = 1;
    } else if (state.isolateEntities) {
      value = copyJson(value);
    }
    mergeResult(entities[i], value as Json);
  }
}

function entitiesOf(data: Json, field: string, expected: number): unknown[] {
  const received = data[field];
  if (!Array.isArray(received)) throw new Error(`Expected "data.${field}" in the subgraph's response to be a list`);
  if (received.length !== expected) throw new Error(`Expected "data.${field}" to contain ${expected} elements, got ${received.length}`);
  return received;
}

/** Entity errors point at `_entities[i]`: they are passed on at the path of every entity sent as `i`. */
function reportEntityErrors(
  state: ExecutionState,
  fetch: CompiledFetch,
  errors: ReadonlyArray<SubgraphErrorPayload>,
  cursor: Cursor,
  entitiesAt: (alias: string, index: number) => number[],
): void {
  let paths: Array<Array<string | number>> | null = null;
  for (const error of errors) {
    const path = error.path;
    if (!path || path.length < 2 || typeof path[0] !== 'string' || typeof path[1] !== 'number') {
      state.errors.push(subgraphError(error, fetch.serviceName, undefined));
      continue;
    }
    const indices = entitiesAt(path[0], path[1]);
    if (indices.length === 0) {
      state.errors.push(subgraphError(error, fetch.serviceName, undefined));
      continue;
    }
    paths ??= collectEntityPaths(cursor.root, cursor.path);
    for (const index of indices) state.errors.push(subgraphError(error, fetch.serviceName, [...paths[index], ...path.slice(2)]));
  }
}

function indicesOf(slotOf: Int32Array, slot: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < slotOf.length; i++) if (slotOf[i] === slot) out.push(i);
  return out;
}

/** `"name":value` members for the client variables this fetch uses and the client sent. */
function variableMembers(fetch: CompiledFetch, state: ExecutionState): string {
  let out = '';
  const variables = state.variables;
  for (const name of fetch.variableUsages) {
    const value = variables[name];
    if (value === undefined || !Object.prototype.hasOwnProperty.call(variables, name)) continue;
    out += `${out ? ',' : ''}${JSON.stringify(name)}:${JSON.stringify(value)}`;
  }
  return out;
}

function send(state: ExecutionState, fetch: CompiledFetch, body: string): Promise<SubgraphResponse> {
  return state.fetcher.fetch({ subgraph: fetch.serviceName, url: fetch.url, body, headers: state.headers });
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
