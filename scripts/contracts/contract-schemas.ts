// The schemas the breaking-change check and the contract build work on: the full API schema and
// each contract's, from schema/supergraph.graphql and schema/contracts/*.contract.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaOf, buildContract, printStableSchema } from '../../gateway/contracts/build-contract';
import { readContractConfigs } from '../../gateway/contracts/contract-config';

export const ROOT = join(__dirname, '..', '..');
export const CONTRACTS_DIR = join(ROOT, 'schema', 'contracts');
export const RELEASED_DIR = join(CONTRACTS_DIR, 'released');
/** The released full API schema is kept under this name beside the contracts'. */
export const FULL_API_NAME = 'api';

export interface NamedSchema {
  /** `api` for the full API schema, else the contract's name. */
  name: string;
  sdl: string;
  /** Where the built schema is kept (contracts only; the full API schema is not kept built). */
  builtPath: string | null;
  releasedPath: string;
}

/** The current schemas, computed from the supergraph and the contract configurations. */
export function currentSchemas(): NamedSchema[] {
  const supergraphSdl = readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
  const schemas: NamedSchema[] = [
    { name: FULL_API_NAME, sdl: printStableSchema(apiSchemaOf(supergraphSdl)), builtPath: null, releasedPath: join(RELEASED_DIR, `${FULL_API_NAME}.graphql`) },
  ];
  for (const config of readContractConfigs(CONTRACTS_DIR)) {
    if (config.name === FULL_API_NAME) throw new Error(`a contract cannot be named "${FULL_API_NAME}": the name is kept for the full API schema`);
    const built = buildContract(supergraphSdl, config);
    schemas.push({ name: config.name, sdl: built.apiSchemaSdl, builtPath: join(CONTRACTS_DIR, `${config.name}.graphql`), releasedPath: join(RELEASED_DIR, `${config.name}.graphql`) });
  }
  return schemas;
}
