import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schema: string;
}

export interface CompositionConfig {
  subgraphs: SubgraphEntry[];
}

/** Reads `subgraphs.json` in a schema folder: each subgraph's name, routing URL and SDL file. */
export function readCompositionConfig(schemaDir: string): CompositionConfig {
  return JSON.parse(readFileSync(join(schemaDir, 'subgraphs.json'), 'utf8')) as CompositionConfig;
}

/** Composes the subgraph SDL files into a supergraph SDL, or throws with every composition error. */
export function composeSupergraph(schemaDir: string, config = readCompositionConfig(schemaDir)): string {
  const services = config.subgraphs.map((s) => ({
    name: s.name,
    url: s.routingUrl,
    typeDefs: parse(readFileSync(join(schemaDir, s.schema), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
}
