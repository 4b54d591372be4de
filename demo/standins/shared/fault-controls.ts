// Test controls of a stand-in: make the next requests fail or answer slowly, and count requests.
// Only tests use them; they let the adapter suites exercise timeouts, retries and batching
// against a real HTTP server instead of a mock.

export interface RecordedRequest {
  method: string;
  path: string;
  requestId: string | null;
}

export interface FaultPlan {
  delayMs: number;
  failStatus: number | null;
}

/** Limits a fault to requests whose path starts with `path`. */
export interface FaultScope {
  path?: string;
}

interface Planned {
  value: number;
  path: string | undefined;
}

export class FaultControls {
  private failures: Planned[] = [];
  private delays: Planned[] = [];
  private readonly recorded: RecordedRequest[] = [];

  /** The next `count` requests (in scope) answer with `status` (a 503 by default). */
  failNext(count: number, status = 503, scope: FaultScope = {}): void {
    for (let i = 0; i < count; i += 1) this.failures.push({ value: status, path: scope.path });
  }

  /** The next `count` requests (in scope) wait `ms` before they are answered. */
  delayNext(count: number, ms: number, scope: FaultScope = {}): void {
    for (let i = 0; i < count; i += 1) this.delays.push({ value: ms, path: scope.path });
  }

  get requestCount(): number {
    return this.recorded.length;
  }

  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  /** Forgets planned faults and recorded requests. */
  reset(): void {
    this.failures = [];
    this.delays = [];
    this.recorded.length = 0;
  }

  /** Records one incoming request and takes the faults planned for it. */
  admit(request: RecordedRequest): FaultPlan {
    this.recorded.push(request);
    return { delayMs: take(this.delays, request.path) ?? 0, failStatus: take(this.failures, request.path) ?? null };
  }
}

/** Removes and returns the first planned fault that applies to the path. */
function take(planned: Planned[], path: string): number | undefined {
  const index = planned.findIndex((p) => p.path === undefined || path.startsWith(p.path));
  return index < 0 ? undefined : planned.splice(index, 1)[0]!.value;
}
