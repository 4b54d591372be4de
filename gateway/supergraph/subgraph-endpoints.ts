import { Kind, parse, type ConstValueNode } from 'graphql';
import type { SubgraphEndpoint, SubgraphUrlOverrides } from '../execution/operation-executor';

/**
 * Normalizes a subgraph name the way environment variables spell it: `inventory-v2` and
 * `INVENTORY_V2` are the same key, so SUBGRAPH_URL_INVENTORY_V2 reaches subgraph `inventory-v2`.
 */
export function subgraphKey(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

function stringArgument(value: ConstValueNode | undefined): string | undefined {
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** Every subgraph a Federation 2 supergraph names (`@join__graph(name:, url:)`), in schema order. */
export function readSubgraphs(supergraphSdl: string): SubgraphEndpoint[] {
  const document = parse(supergraphSdl, { noLocation: true });
  const subgraphs: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      if (!graph) continue;
      const argument = (name: string) => stringArgument(graph.arguments?.find((a) => a.name.value === name)?.value);
      subgraphs.push({ name: argument('name') ?? value.name.value.toLowerCase(), url: argument('url') ?? '' });
    }
  }
  if (subgraphs.length === 0) throw new Error('the supergraph names no subgraphs (no @join__graph values): is it a Federation 2 supergraph?');
  return subgraphs;
}

/**
 * The subgraphs of a supergraph with their URLs, overrides applied by name. An override naming no
 * subgraph, or a subgraph left without any URL, is a configuration mistake and fails loudly.
 */
export function resolveSubgraphEndpoints(supergraphSdl: string, overrides: SubgraphUrlOverrides = {}): SubgraphEndpoint[] {
  const subgraphs = readSubgraphs(supergraphSdl);
  const byKey = new Map(Object.entries(overrides).map(([name, url]) => [subgraphKey(name), { name, url }]));
  const known = new Set(subgraphs.map((s) => subgraphKey(s.name)));
  const unknown = [...byKey.values()].filter((o) => !known.has(subgraphKey(o.name))).map((o) => o.name);
  if (unknown.length > 0) {
    throw new Error(`URL override for unknown subgraph ${unknown.map((n) => `"${n}"`).join(', ')}; the supergraph has ${subgraphs.map((s) => `"${s.name}"`).join(', ')}`);
  }
  return subgraphs.map(({ name, url }) => {
    const resolved = byKey.get(subgraphKey(name))?.url ?? url;
    if (!resolved) throw new Error(`subgraph "${name}" has no routing URL in the supergraph; give it one with an override (SUBGRAPH_URL_${subgraphKey(name)})`);
    try {
      new URL(resolved);
    } catch {
      throw new Error(`subgraph "${name}" has an invalid URL: ${JSON.stringify(resolved)}`);
    }
    return { name, url: resolved };
  });
}
