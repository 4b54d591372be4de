// `npm run contracts`: builds each contract's API schema (schema/contracts/<name>.graphql) from the
// supergraph and schema/contracts/<name>.contract.json. `--check` fails on drift instead of writing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { currentSchemas, ROOT } from './contract-schemas';

const check = process.argv.includes('--check');
const drifted: string[] = [];
for (const schema of currentSchemas()) {
  if (!schema.builtPath) continue;
  const shown = relative(ROOT, schema.builtPath);
  if (check) {
    if (!existsSync(schema.builtPath) || readFileSync(schema.builtPath, 'utf8') !== schema.sdl) drifted.push(shown);
  } else {
    writeFileSync(schema.builtPath, schema.sdl);
    console.log(`wrote ${shown}`);
  }
}
if (check) {
  if (drifted.length > 0) {
    console.error(`contract schemas differ from the supergraph and contract configurations: ${drifted.join(', ')}; run \`npm run contracts\`.`);
    process.exit(1);
  }
  console.log('contract schemas are up to date');
}
