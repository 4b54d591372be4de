import { GraphQLError, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Stops parsing a document after `maxTokens` tokens, so that a huge operation costs the gateway
 * almost nothing before it is refused with a syntax error saying so.
 */
export function useTokenLimit({ maxTokens }: { maxTokens: number }): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          // graphql-js words this one oddly ("more that N tokens"); say it plainly.
          if (error instanceof GraphQLError && /Document contains more th\w+ \d+ tokens/.test(error.message)) {
            throw new GraphQLError(`Syntax Error: the document has more than ${maxTokens} tokens, the most the gateway parses.`, {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            });
          }
          throw error;
        }
      });
    },
  };
}
