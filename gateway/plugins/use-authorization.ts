import { getOperationAST, print, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AccessPolicy } from '../auth/authorization/access-policy';
import { applyDenials, deniedErrors } from '../auth/authorization/apply-denials';
import { authorizeOperation, type AuthorizationOutcome } from '../auth/authorization/authorize-operation';
import type { Principal } from '../auth/principal';
import type { GatewayContext } from '../context';

type Execute = (args: ExecutionArgs) => unknown;

interface Denial {
  outcome: AuthorizationOutcome;
  /** The rewritten operation's text: executors key their plan caches on it, and the original's plan would fetch what was denied. */
  query: string;
}

/** What decides the outcome for a caller: signed in or not, and the scopes. */
function principalKey(principal: Principal): string {
  return principal.anonymous ? '-' : `+${[...principal.scopes].sort().join(' ')}`;
}

/**
 * Enforces `@authenticated` and `@requiresScopes` from the supergraph: denied fields are taken out
 * of the operation before it is planned and come back as null with an `UNAUTHORIZED_FIELD_OR_TYPE`
 * error each; the rest of the answer stays. A subscription with a denied field is refused whole.
 * Must come after the plugin that sets the execute function (useFederatedExecution). Outcomes are
 * kept per parsed document (yoga reuses them) and kind of caller, so the same rewritten document
 * (and so the same cached plan) serves every such request.
 */
export function useAuthorization({ policy }: { policy: AccessPolicy }): Plugin {
  const outcomes = new WeakMap<DocumentNode, Map<string, Denial | null>>();

  const denialOf = (args: ExecutionArgs): Denial | null => {
    const principal = (args.contextValue as GatewayContext).principal;
    // Without authentication on this endpoint there is nobody to authorize.
    if (!principal) return null;
    let byCaller = outcomes.get(args.document);
    if (!byCaller) outcomes.set(args.document, (byCaller = new Map()));
    const key = `${args.operationName ?? ''}\u0000${principalKey(principal)}`;
    let denial = byCaller.get(key);
    if (denial === undefined) {
      const outcome = authorizeOperation({ schema: args.schema, policy, principal, document: args.document, operationName: args.operationName });
      denial = outcome.allowed ? null : { outcome, query: outcome.dataIsNull ? '' : print(outcome.document) };
      byCaller.set(key, denial);
    }
    return denial;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const denial = denialOf(args);
      if (!denial) return;
      const { outcome, query } = denial;
      if (outcome.dataIsNull) {
        setResultAndStopExecution({ data: null, errors: deniedErrors(outcome.denied) });
        return;
      }
      const execute = executeFn as Execute;
      setExecuteFn(async (current) => {
        const context = current.contextValue as GatewayContext;
        const rewritten: ExecutionArgs = { ...current, document: outcome.document, contextValue: { ...context, params: { ...context.params, query } } };
        return applyDenials((await execute(rewritten)) as ExecutionResult, outcome);
      });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const denial = denialOf(args);
      if (!denial) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === 'subscription') setResultAndStopExecution({ errors: deniedErrors(denial.outcome.denied) });
    },
  };
}
