import type { ExecutableNode } from '../plan/executable-plan';
import type { Cursor, ExecutionState } from './execution-state';
import { runFetch } from './run-fetch';

/**
 * Runs a plan node from a given starting result. A query runs its whole plan from an empty
 * root; a subscription event runs the rest of its plan from the event's data; a deferred part
 * runs from the result its primary part produced.
 */
export async function runPlanNode(state: ExecutionState, node: ExecutableNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await runPlanNode(state, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => runPlanNode(state, child, cursor)));
      return;
    case 'Flatten':
      await runPlanNode(state, node.node, { root: cursor.root, path: cursor.path.length === 0 ? node.path : [...cursor.path, ...node.path] });
      return;
    case 'Fetch':
      await runFetch(state, node.fetch, cursor);
      return;
    case 'Condition': {
      const branch = state.coercedVariables[node.variable] === true ? node.ifClause : node.elseClause;
      if (branch) await runPlanNode(state, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('deferred plans are not executed yet: the planner runs with @defer disabled');
  }
}
