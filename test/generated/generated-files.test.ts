// Generated files must be exactly what the SDL produces: a changed SDL without `npm run generate`
// (or a hand edit of a generated file) fails here. The check runs in a child process because
// graphql-codegen's CLI module is ESM-only in parts that jest's CommonJS runtime cannot load.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

it('the supergraph and every subgraph resolver-types file match the SDL', () => {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-generated.ts'], { cwd: root, encoding: 'utf8' });
  } catch (err) {
    stdout = (err as { stdout?: string }).stdout ?? '';
  }
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { checked: string[]; drifted: string[] };
  expect(result.checked).toEqual(expect.arrayContaining(['schema/supergraph.graphql', 'subgraphs/crm/generated/resolvers-types.ts', 'subgraphs/social/generated/resolvers-types.ts']));
  expect(result.checked).toHaveLength(6);
  expect(result.drifted).toEqual([]);
});
