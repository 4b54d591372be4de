import { GraphQLError, type ValidationRule } from 'graphql';
import { countRootFields, countSelections } from './selection-walk';

function operationName(node: { name?: { value: string } }): string {
  return node.name ? `Operation "${node.name.value}"` : 'The operation';
}

/** Refuses operations with more than `maxAliases` aliased fields (an alias repeats work cheaply). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const aliases = countSelections(node, (name) => context.getFragment(name), (field) => (field.alias ? 1 : 0));
      if (aliases > maxAliases) {
        context.reportError(
          new GraphQLError(`${operationName(node)} uses ${aliases} aliases; the gateway allows at most ${maxAliases}`, {
            nodes: [node],
            extensions: { code: 'ALIAS_LIMIT_EXCEEDED', http: { status: 400 } },
          }),
        );
      }
    },
  });
}

/** Refuses operations selecting more than `maxRootFields` fields at the root. */
export function rootFieldLimitRule(maxRootFields: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const fields = countRootFields(node, (name) => context.getFragment(name));
      if (fields > maxRootFields) {
        context.reportError(
          new GraphQLError(`${operationName(node)} selects ${fields} root fields; the gateway allows at most ${maxRootFields}`, {
            nodes: [node],
            extensions: { code: 'ROOT_FIELD_LIMIT_EXCEEDED', http: { status: 400 } },
          }),
        );
      }
    },
  });
}
