import type { ConditionNode, DeferNode, PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import type { TypeRelations } from '../type-relations';
import { compileFetch, type CompiledFetch } from './compiled-fetch';

/** A plan node ready to run: the planner's node with its fetches compiled. */
export type ExecutableNode =
  | { readonly kind: 'Sequence'; readonly nodes: ReadonlyArray<ExecutableNode> }
  | { readonly kind: 'Parallel'; readonly nodes: ReadonlyArray<ExecutableNode> }
  | { readonly kind: 'Flatten'; readonly path: ReadonlyArray<string | number>; readonly node: ExecutableNode }
  | { readonly kind: 'Fetch'; readonly fetch: CompiledFetch }
  | {
      readonly kind: 'Condition';
      readonly variable: string;
      readonly ifClause: ExecutableNode | null;
      readonly elseClause: ExecutableNode | null;
    }
  | { readonly kind: 'Defer'; readonly source: DeferNode };

/** A subscription plan: the primary fetch opens the event stream, `rest` completes each event. */
export interface ExecutableSubscription {
  readonly primary: CompiledFetch;
  readonly rest: ExecutableNode | null;
}

export interface ExecutablePlan {
  readonly node: ExecutableNode | null;
  readonly subscription: ExecutableSubscription | null;
  /** Some fetch passes `@fromContext` arguments: entities must not share received objects. */
  readonly usesContext: boolean;
  readonly fetchCount: number;
  readonly source: QueryPlan;
}

export function compilePlan(plan: QueryPlan, endpoints: ReadonlyMap<string, string>, types: TypeRelations): ExecutablePlan {
  let usesContext = false;
  let fetchCount = 0;
  const fetchOf = (node: Parameters<typeof compileFetch>[0]): CompiledFetch => {
    const url = endpoints.get(node.serviceName);
    if (url === undefined) throw new Error(`the plan fetches from subgraph "${node.serviceName}", which the supergraph does not name`);
    const fetch = compileFetch(node, url, types);
    if (fetch.context) usesContext = true;
    fetchCount += 1;
    return fetch;
  };
  const compileNode = (node: PlanNode): ExecutableNode => {
    switch (node.kind) {
      case 'Sequence':
      case 'Parallel':
        return { kind: node.kind, nodes: node.nodes.map(compileNode) };
      case 'Flatten':
        return { kind: 'Flatten', path: node.path, node: compileNode(node.node) };
      case 'Fetch':
        return { kind: 'Fetch', fetch: fetchOf(node) };
      case 'Condition':
        return compileCondition(node, compileNode);
      case 'Defer':
        return { kind: 'Defer', source: node };
    }
  };
  let node: ExecutableNode | null = null;
  let subscription: ExecutableSubscription | null = null;
  if (plan.node?.kind === 'Subscription') {
    const source: SubscriptionNode = plan.node;
    subscription = { primary: fetchOf(source.primary), rest: source.rest ? compileNode(source.rest) : null };
  } else if (plan.node) {
    node = compileNode(plan.node);
  }
  return { node, subscription, usesContext, fetchCount, source: plan };
}

function compileCondition(node: ConditionNode, compileNode: (node: PlanNode) => ExecutableNode): ExecutableNode {
  return {
    kind: 'Condition',
    variable: node.condition,
    ifClause: node.ifClause ? compileNode(node.ifClause) : null,
    elseClause: node.elseClause ? compileNode(node.elseClause) : null,
  };
}
