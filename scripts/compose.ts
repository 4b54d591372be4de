// Composes schema/supergraph.graphql from the subgraph SDL. `--check` fails on drift instead of writing.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '../lib/compose-supergraph';

const schemaDir = join(__dirname, '..', 'schema');
const target = join(schemaDir, 'supergraph.graphql');
const sdl = composeSupergraph(schemaDir);

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== sdl) {
    console.error('schema/supergraph.graphql differs from the subgraph SDL: run `npm run compose`.');
    process.exit(1);
  }
  console.log('supergraph is up to date');
} else {
  writeFileSync(target, sdl);
  console.log(`wrote ${target}`);
}
