import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** With introspection off, `__schema` and `__type` are refused at validation; `__typename` still works. */
export function useIntrospectionControl({ enabled }: { enabled: boolean }): Plugin {
  if (enabled) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
