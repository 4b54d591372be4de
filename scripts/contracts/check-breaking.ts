// `npm run check:breaking`: compares the full API schema and each contract's schema with the last
// released one (schema/contracts/released/) and fails, listing them, on changes that would break
// existing clients. CI runs it; `npm run release:schema` records the current schemas as released.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { compareSchemas } from './breaking-changes';
import { currentSchemas, ROOT } from './contract-schemas';

let failed = false;
for (const schema of currentSchemas()) {
  const released = relative(ROOT, schema.releasedPath);
  if (!existsSync(schema.releasedPath)) {
    console.log(`${schema.name}: never released (no ${released}); nothing to compare`);
    continue;
  }
  const { breaking, dangerous } = compareSchemas(readFileSync(schema.releasedPath, 'utf8'), schema.sdl);
  for (const change of dangerous) console.log(`${schema.name}: warning: ${change}`);
  if (breaking.length === 0) {
    console.log(`${schema.name}: no breaking change since ${released}`);
    continue;
  }
  failed = true;
  console.error(`${schema.name}: ${breaking.length} breaking change${breaking.length === 1 ? '' : 's'} since ${released}:`);
  for (const change of breaking) console.error(`  - ${change}`);
}
if (failed) {
  console.error('\nBreaking changes would break existing clients. Make the change additive (deprecate first), or, if clients have been told, record a new release with `npm run release:schema`.');
  process.exit(1);
}
