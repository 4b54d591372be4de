import type { ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context';
import type { Counter } from '../metrics/metrics-registry';
import type { OverrideRouter } from '../override/override-router';

export interface ProgressiveOverridePluginOptions {
  /** The router of the supergraph being served (read per request: the supergraph may change). */
  router: () => OverrideRouter;
  /** Counts decisions by label and side, when metrics are on. */
  decisions?: Counter;
}

/** What this plugin adds to the context; the federated execution hands it to the executor. */
export interface OverrideLabelsContext {
  overrideLabels?: ReadonlySet<string>;
}

/**
 * Decides each operation's progressive `@override` labels (see override/override-router.ts) and
 * puts them in the context, where useFederatedExecution passes them to the executor: the plan
 * (and its cache key) follow the labels.
 */
export function useProgressiveOverride({ router, decisions }: ProgressiveOverridePluginOptions): Plugin {
  const decide = (args: ExecutionArgs) => {
    const current = router();
    const labels = current.supergraphLabels;
    if (labels.percent.length === 0 && labels.custom.length === 0) return;
    const context = args.contextValue as GatewayContext;
    const principal = context.principal;
    const decision = current.decide({
      headers: context.request.headers,
      variables: (args.variableValues ?? {}) as Record<string, unknown>,
      subject: principal && !principal.anonymous ? principal.subject : null,
    });
    if (decisions) {
      for (const { label } of labels.percent) decisions.inc({ label, active: String(decision.labels.has(label)) });
      for (const label of labels.custom) decisions.inc({ label, active: String(decision.labels.has(label)) });
    }
    // The context object of this operation (what extendContext would assign to).
    (context as GatewayContext & OverrideLabelsContext).overrideLabels = decision.labels;
  };
  return {
    onExecute({ args }) {
      decide(args);
    },
    onSubscribe({ args }) {
      decide(args);
    },
  };
}
