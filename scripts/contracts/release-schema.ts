// `npm run release:schema`: records the current full API schema and every contract's schema as
// released (schema/contracts/released/), the baseline `npm run check:breaking` compares with.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { currentSchemas, ROOT } from './contract-schemas';

for (const schema of currentSchemas()) {
  writeFileSync(schema.releasedPath, schema.sdl);
  console.log(`released ${schema.name}: ${relative(ROOT, schema.releasedPath)}`);
}
