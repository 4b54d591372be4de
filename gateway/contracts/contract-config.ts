import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One partner contract: the part of the graph a partner integrates with, chosen by `@tag` names
 * in the subgraph SDL. Apollo's contract semantics: with `include` tags, an object or interface
 * field is kept only when it (or its type) carries one of them; `exclude` tags remove whatever
 * carries them; types left without fields, or unreachable from the root types, go too.
 */
export interface ContractConfig {
  /** Lower-case letters, digits and dashes; the endpoint is `/partners/<name>/graphql`. */
  name: string;
  description?: string;
  /** Tags whose fields make up the contract; empty keeps everything not excluded. */
  include: string[];
  /** Tags whose elements are never in the contract, whatever else they carry. */
  exclude: string[];
}

export const CONTRACT_FILE_SUFFIX = '.contract.json';

const CONTRACT_NAME = /^[a-z][a-z0-9-]{0,62}$/;
// The tag names Apollo allows: letters, digits, dashes, underscores and slashes, at most 128.
const TAG_NAME = /^[A-Za-z0-9_/-]{1,128}$/;

function tagList(value: unknown, field: string, source: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string' || !TAG_NAME.test(tag))) {
    throw new Error(`${source}: "${field}" must be a list of tag names (letters, digits, - _ /)`);
  }
  return [...new Set(value as string[])];
}

/** Checks a contract definition read from JSON; throws naming the file and the mistake. */
export function parseContractConfig(value: unknown, source: string): ContractConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${source}: a contract is a JSON object`);
  const raw = value as Record<string, unknown>;
  const known = new Set(['name', 'description', 'include', 'exclude']);
  const unknown = Object.keys(raw).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`${source}: unknown contract setting ${unknown.map((k) => `"${k}"`).join(', ')}`);
  if (typeof raw.name !== 'string' || !CONTRACT_NAME.test(raw.name)) {
    throw new Error(`${source}: "name" must be lower-case letters, digits and dashes, starting with a letter`);
  }
  if (raw.description !== undefined && typeof raw.description !== 'string') throw new Error(`${source}: "description" must be a string`);
  const include = tagList(raw.include, 'include', source);
  const exclude = tagList(raw.exclude, 'exclude', source);
  const both = include.filter((tag) => exclude.includes(tag));
  if (both.length > 0) throw new Error(`${source}: tag ${both.map((t) => `"${t}"`).join(', ')} is both included and excluded`);
  if (include.length === 0 && exclude.length === 0) throw new Error(`${source}: a contract needs include or exclude tags`);
  return { name: raw.name, ...(raw.description ? { description: raw.description } : {}), include, exclude };
}

/** Every `<name>.contract.json` in a folder, by name; the file name must match the contract's name. */
export function readContractConfigs(dir: string): ContractConfig[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(CONTRACT_FILE_SUFFIX))
    .sort();
  return files.map((file) => {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
    }
    const config = parseContractConfig(json, path);
    if (`${config.name}${CONTRACT_FILE_SUFFIX}` !== file) throw new Error(`${path}: the file must be named ${config.name}${CONTRACT_FILE_SUFFIX}`);
    return config;
  });
}

/** The contracts of `dir` named in `names` (`all` for every one), in the order given. */
export function selectContracts(configs: ReadonlyArray<ContractConfig>, names: ReadonlyArray<string> | 'all'): ContractConfig[] {
  if (names === 'all') return [...configs];
  return names.map((name) => {
    const config = configs.find((c) => c.name === name);
    if (!config) throw new Error(`unknown contract "${name}"; known: ${configs.map((c) => c.name).join(', ') || 'none'}`);
    return config;
  });
}
