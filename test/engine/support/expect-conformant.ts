import type { JsonResult } from './conformance-harness';

interface ComparableError {
  message?: string;
  path?: Array<string | number>;
  serviceName?: unknown;
}

export interface ConformanceOptions {
  /**
   * Compare error messages and subgraph names too (default). Off where the two gateways report
   * the same failure differently by design (an unreachable subgraph: @apollo/gateway's error
   * neither names it nor has a path), leaving paths compared.
   */
  messages?: boolean;
}

/**
 * Touchpoint's answer must equal @apollo/gateway's: the data deep-equal, and the errors both
 * produce equal as a set (message, path, subgraph name). @apollo/gateway reports
 * value-completion problems (nulls in non-null positions, invalid values) under
 * `extensions.valueCompletion` instead of `errors`; they are compared as errors.
 */
export function expectConformant(touchpoint: JsonResult, apollo: JsonResult, options: ConformanceOptions = {}): void {
  expect(touchpoint.data).toEqual(apollo.data);
  const apolloErrors = [...(apollo.errors ?? []), ...((apollo.extensions?.valueCompletion as JsonResult['errors']) ?? [])];
  expect(comparable(touchpoint.errors ?? [], options)).toEqual(comparable(apolloErrors, options));
}

function comparable(errors: NonNullable<JsonResult['errors']>, options: ConformanceOptions): ComparableError[] {
  return errors
    .map((error) => {
      const out: ComparableError = { path: error.path };
      if (options.messages !== false) out.message = error.message;
      if (options.messages !== false && error.extensions?.serviceName !== undefined) out.serviceName = error.extensions.serviceName;
      return out;
    })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
