import { getOperationAST, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../lib/logger';
import type { RequestIds } from '../request-ids';

export interface RequestLoggingOptions {
  requestIds: RequestIds;
  log: Logger;
}

interface OperationRecord {
  startedAt: number;
  graphql: boolean;
  operationName?: string;
  operationType?: string;
  errorCount: number;
}

function countErrors(result: unknown): number {
  if (Array.isArray(result)) return result.reduce((sum: number, item) => sum + countErrors(item), 0);
  const errors = (result as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) ? errors.length : 0;
}

/**
 * One log line per GraphQL request: request id, operation name and type, HTTP status, duration and
 * error count. Never the variables, the query text or any header: those may hold personal data
 * or credentials.
 */
export function useRequestLogging({ requestIds, log }: RequestLoggingOptions): Plugin {
  const records = new WeakMap<Request, OperationRecord>();
  const noteOperation = (args: ExecutionArgs) => {
    const request = (args.contextValue as { request?: Request } | undefined)?.request;
    const record = request && records.get(request);
    if (!record) return;
    const operation = getOperationAST(args.document, args.operationName);
    record.operationName ??= operation?.name?.value;
    record.operationType = operation?.operation;
  };
  return {
    onRequest({ request }) {
      records.set(request, { startedAt: performance.now(), graphql: false, errorCount: 0 });
    },
    onParams({ request, params }) {
      const record = records.get(request);
      if (!record) return;
      record.graphql = true;
      record.operationName = params.operationName ?? undefined;
    },
    onExecute({ args }) {
      noteOperation(args);
    },
    onSubscribe({ args }) {
      noteOperation(args);
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (record) {
        record.graphql = true;
        record.errorCount = countErrors(result);
      }
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record?.graphql) return;
      log.info(
        {
          requestId: requestIds.of(request),
          operationName: record.operationName ?? null,
          operationType: record.operationType ?? null,
          status: response.status,
          durationMs: Math.round((performance.now() - record.startedAt) * 100) / 100,
          errorCount: record.errorCount,
        },
        'graphql operation',
      );
    },
  };
}
