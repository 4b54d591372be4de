import { subgraphKey } from '../supergraph/subgraph-endpoints';

/**
 * The subscription transport per subgraph, keyed by the supergraph's subgraph names. Given names
 * match the way environment variables spell them (`INVENTORY_V2` is `inventory-v2`); a name that is
 * no subgraph of the supergraph is a configuration mistake and fails loudly.
 */
export function resolveSubscriptionTransports<T extends string>(
  subgraphs: ReadonlyArray<{ name: string }>,
  given: Readonly<Record<string, T>> | undefined,
): Record<string, T> {
  const byKey = new Map(subgraphs.map((s) => [subgraphKey(s.name), s.name]));
  const resolved: Record<string, T> = {};
  for (const [name, transport] of Object.entries(given ?? {})) {
    const subgraph = byKey.get(subgraphKey(name));
    if (!subgraph) throw new Error(`subscription transport for unknown subgraph "${name}"; the supergraph has ${subgraphs.map((s) => `"${s.name}"`).join(', ')}`);
    resolved[subgraph] = transport;
  }
  return resolved;
}
