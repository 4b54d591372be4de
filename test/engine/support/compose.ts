import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

/** Composes subgraph SDL (with the URLs they are served at) into a supergraph, or throws. */
export function composeForTest(subgraphs: ReadonlyArray<{ name: string; url: string; typeDefs: string }>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.typeDefs) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}
