import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/**
 * The `@tag` names of every element of a supergraph, by schema coordinate: `Type`, `Type.field`,
 * `Type.field(arg:)`, `Enum.VALUE`, `Input.field`. Composition carries subgraph tags into the
 * supergraph, merged per element.
 */
export type TagIndex = ReadonlyMap<string, ReadonlySet<string>>;

const TAG_SPEC = /^https:\/\/specs\.apollo\.dev\/tag\/v\d+\.\d+$/;

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** The name `@tag` goes by in this supergraph (a `@link` may rename it with `as:`). */
function tagDirectiveName(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const url = stringArgument(directive, 'url');
      if (url && TAG_SPEC.test(url)) return stringArgument(directive, 'as') ?? 'tag';
    }
  }
  return 'tag';
}

export function readTags(document: DocumentNode): TagIndex {
  const directiveName = tagDirectiveName(document);
  const index = new Map<string, Set<string>>();
  const note = (coordinate: string, directives: ReadonlyArray<ConstDirectiveNode> | undefined) => {
    for (const directive of directives ?? []) {
      if (directive.name.value !== directiveName) continue;
      const name = stringArgument(directive, 'name');
      if (!name) continue;
      let tags = index.get(coordinate);
      if (!tags) index.set(coordinate, (tags = new Set()));
      tags.add(name);
    }
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const type = definition.name.value;
        note(type, definition.directives);
        for (const field of definition.fields ?? []) {
          note(`${type}.${field.name.value}`, field.directives);
          for (const argument of field.arguments ?? []) note(`${type}.${field.name.value}(${argument.name.value}:)`, argument.directives);
        }
        break;
      }
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        note(definition.name.value, definition.directives);
        for (const field of definition.fields ?? []) note(`${definition.name.value}.${field.name.value}`, field.directives);
        break;
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        note(definition.name.value, definition.directives);
        for (const value of definition.values ?? []) note(`${definition.name.value}.${value.name.value}`, value.directives);
        break;
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
        note(definition.name.value, definition.directives);
        break;
      default:
        break;
    }
  }
  return index;
}
