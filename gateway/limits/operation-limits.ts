import type { CostSettings } from './cost-estimate';

/** Limits on what one operation may ask for; each is refused before anything is planned or fetched. */
export interface OperationLimits {
  /** Most aliased fields (default 30). */
  maxAliases: number;
  /** Most fields at the root of an operation (default 20). */
  maxRootFields: number;
  /** Largest estimated cost (see cost-estimate.ts); 0 for no budget. */
  costBudget: number;
  cost?: CostSettings;
}

/**
 * The library's defaults. The cost budget is off here, for supergraphs of any shape; the gateway's
 * and the hub's configuration turn it on (COST_BUDGET, default RECOMMENDED_COST_BUDGET).
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxAliases: 30, maxRootFields: 20, costBudget: 0 };

/** About 70,000 is a Customer-360 of 50 customers with every system's part (test/hub/customer-360). */
export const RECOMMENDED_COST_BUDGET = 100_000;
