// Lists generated files that differ from what the SDL produces (the supergraph and each subgraph's
// resolver types). Prints a JSON array of drifted paths; exits 1 when any drifted.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { composeSupergraph } from '../lib/compose-supergraph';
import codegenConfig from '../codegen';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const expected: { path: string; content: string }[] = [
    { path: join(root, 'schema', 'supergraph.graphql'), content: composeSupergraph(join(root, 'schema')) },
  ];
  const outputs = (await generate({ ...codegenConfig, cwd: root, silent: true }, false)) as { filename: string; content: string }[];
  for (const o of outputs) expected.push({ path: resolve(root, o.filename), content: o.content });
  const drifted = expected
    .filter((e) => !existsSync(e.path) || readFileSync(e.path, 'utf8') !== e.content)
    .map((e) => relative(root, e.path));
  console.log(JSON.stringify({ checked: expected.map((e) => relative(root, e.path)), drifted }));
  if (drifted.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
