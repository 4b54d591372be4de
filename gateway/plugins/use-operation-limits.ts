import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { estimateCost } from '../limits/cost-estimate';
import { aliasLimitRule, rootFieldLimitRule } from '../limits/operation-limit-rules';
import type { OperationLimits } from '../limits/operation-limits';

function costError(args: ExecutionArgs, limits: OperationLimits): GraphQLError | null {
  if (limits.costBudget <= 0) return null;
  const cost = estimateCost(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>, limits.cost);
  if (cost <= limits.costBudget) return null;
  return new GraphQLError(`The operation's estimated cost is ${cost}; the gateway allows at most ${limits.costBudget}. Ask for fewer items (first:) or fewer nested lists.`, {
    extensions: { code: 'COST_LIMIT_EXCEEDED', cost, budget: limits.costBudget, http: { status: 400 } },
  });
}

/**
 * Aliases and root fields are counted at validation; the cost is estimated with the request's
 * variables just before execution (list sizes often come in variables). Refusals run nothing.
 */
export function useOperationLimits(limits: OperationLimits): Plugin {
  const rules = [aliasLimitRule(limits.maxAliases), rootFieldLimitRule(limits.maxRootFields)];
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = costError(args, limits);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = costError(args, limits);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
