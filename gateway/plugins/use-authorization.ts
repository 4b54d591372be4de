import { getOperationAST, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AccessPolicy } from '../auth/authorization/access-policy';
import { applyDenials, deniedErrors } from '../auth/authorization/apply-denials';
import { authorizeOperation, type AuthorizationOutcome } from '../auth/authorization/authorize-operation';
import type { GatewayContext } from '../context';

type Execute = (args: ExecutionArgs) => unknown;

/**
 * The rewritten operation, with its own text: executors key their plan caches on the operation
 * text, and the original's plan would fetch what was just denied.
 */
function rewrittenArgs(args: ExecutionArgs, outcome: AuthorizationOutcome): ExecutionArgs {
  const context = args.contextValue as GatewayContext;
  const query = print(outcome.document);
  return { ...args, document: outcome.document, contextValue: { ...context, params: { ...context.params, query } } };
}

function outcomeOf(args: ExecutionArgs, policy: AccessPolicy): AuthorizationOutcome | null {
  const principal = (args.contextValue as GatewayContext).principal;
  // Without authentication on this endpoint there is nobody to authorize; the gateway refuses to start that way with a policy.
  if (!principal) return null;
  const outcome = authorizeOperation({ schema: args.schema, policy, principal, document: args.document, operationName: args.operationName });
  return outcome.allowed ? null : outcome;
}

/**
 * Enforces `@authenticated` and `@requiresScopes` from the supergraph: denied fields are taken out
 * of the operation before it is planned and come back as null with an `UNAUTHORIZED_FIELD_OR_TYPE`
 * error each; the rest of the answer stays. A subscription with a denied field is refused whole.
 * Must come after the plugin that sets the execute function (useFederatedExecution).
 */
export function useAuthorization({ policy }: { policy: AccessPolicy }): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const outcome = outcomeOf(args, policy);
      if (!outcome) return;
      if (outcome.dataIsNull) {
        setResultAndStopExecution({ data: null, errors: deniedErrors(outcome.denied) });
        return;
      }
      const execute = executeFn as Execute;
      setExecuteFn(async (current) => applyDenials((await execute(rewrittenArgs(current, outcome))) as ExecutionResult, outcome));
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const outcome = outcomeOf(args, policy);
      if (!outcome) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === 'subscription') setResultAndStopExecution({ errors: deniedErrors(outcome.denied) });
    },
  };
}
