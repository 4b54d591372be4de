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

export class FaultControls {
  private failures: number[] = [];
  private delays: number[] = [];
  private readonly recorded: RecordedRequest[] = [];

  /** The next `count` requests answer with `status` (a 503 by default). */
  failNext(count: number, status = 503): void {
    for (let i = 0; i < count; i += 1) this.failures.push(status);
  }

  /** The next `count` requests wait `ms` before they are answered. */
  delayNext(count: number, ms: number): void {
    for (let i = 0; i < count; i += 1) this.delays.push(ms);
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
    return { delayMs: this.delays.shift() ?? 0, failStatus: this.failures.shift() ?? null };
  }
}
