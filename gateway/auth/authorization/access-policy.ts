import { Kind, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';

/** One condition on reading a field: being authenticated, or holding one of several sets of scopes. */
export type Requirement = { kind: 'authenticated' } | { kind: 'scopes'; anyOf: ReadonlyArray<ReadonlyArray<string>> };

/**
 * `@authenticated` and `@requiresScopes` of a supergraph, by schema coordinate: `Type.field` for
 * fields, `Type` for types (object, interface, scalar, enum), whose requirements apply to every
 * field returning them.
 */
export interface AccessPolicy {
  readonly requirements: ReadonlyMap<string, ReadonlyArray<Requirement>>;
  /** True when the supergraph has any requirement at all. */
  readonly isEmpty: boolean;
}

const SPECS: Record<string, RegExp> = {
  authenticated: /^https:\/\/specs\.apollo\.dev\/authenticated\/v\d+\.\d+$/,
  requiresScopes: /^https:\/\/specs\.apollo\.dev\/requiresScopes\/v\d+\.\d+$/,
};

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** The names the two directives go by in this supergraph (a `@link` may rename them with `as:`). */
function directiveNames(document: DocumentNode): { authenticated: string | null; requiresScopes: string | null } {
  const names: { authenticated: string | null; requiresScopes: string | null } = { authenticated: null, requiresScopes: null };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      const url = directive.name.value === 'link' ? stringArgument(directive, 'url') : undefined;
      if (!url) continue;
      for (const feature of ['authenticated', 'requiresScopes'] as const) {
        if (SPECS[feature].test(url)) names[feature] = stringArgument(directive, 'as') ?? feature;
      }
    }
  }
  return names;
}

function scopeSets(value: ConstValueNode | undefined): string[][] {
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((s) => (s.kind === Kind.STRING ? [s.value] : [])) : []));
}

/** Reads the access policy from a supergraph document. */
export function readAccessPolicy(document: DocumentNode): AccessPolicy {
  const names = directiveNames(document);
  const requirements = new Map<string, Requirement[]>();
  const note = (coordinate: string, directives: ReadonlyArray<ConstDirectiveNode> | undefined) => {
    for (const directive of directives ?? []) {
      let requirement: Requirement | null = null;
      if (directive.name.value === names.authenticated) requirement = { kind: 'authenticated' };
      if (directive.name.value === names.requiresScopes) {
        requirement = { kind: 'scopes', anyOf: scopeSets(directive.arguments?.find((a) => a.name.value === 'scopes')?.value) };
      }
      if (!requirement) continue;
      let list = requirements.get(coordinate);
      if (!list) requirements.set(coordinate, (list = []));
      list.push(requirement);
    }
  };
  if (names.authenticated || names.requiresScopes) {
    for (const definition of document.definitions) {
      switch (definition.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_EXTENSION:
          note(definition.name.value, definition.directives);
          for (const field of definition.fields ?? []) note(`${definition.name.value}.${field.name.value}`, field.directives);
          break;
        case Kind.SCALAR_TYPE_DEFINITION:
        case Kind.SCALAR_TYPE_EXTENSION:
        case Kind.ENUM_TYPE_DEFINITION:
        case Kind.ENUM_TYPE_EXTENSION:
          note(definition.name.value, definition.directives);
          break;
        default:
          break;
      }
    }
  }
  return { requirements, isEmpty: requirements.size === 0 };
}
