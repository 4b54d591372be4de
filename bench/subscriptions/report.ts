/** Subscribers and how alike their subscriptions are (1 channel: identical; N channels: all distinct). */
export interface Workload {
  subscribers: number;
  channels: number;
}

export interface RunResult {
  gateway: string;
  label: string;
  workload: Workload;
  /** From starting the subscribers until every one of them had received an event. */
  connectSeconds: number;
  /** Subscriptions the ticker subgraph served once all subscribers were connected. */
  upstreamSubscriptions: number;
  /** Publish-to-delivery latency during the steady phase (ms). */
  latency: { p50: number; p99: number; p100: number };
  latencyEventsPerSecond: number;
  latencyComplete: boolean;
  /** Events of the burst published and delivered to every subscriber, per second. */
  burstEventsPerSecond: number;
  /** Results delivered to subscribers per second during the burst. */
  deliveriesPerSecond: number;
  burstComplete: boolean;
  /** Results expected and not received by the end of their phase (both phases; 60 s and 180 s at most). */
  undelivered: number;
  errors: number;
  gatewayCpuMsPer1kDeliveries: number;
  subgraphCpuMsPer1kDeliveries: number;
  peakRssMiB: number;
}

const pad = (value: string, width: number) => value.padStart(width);
const fixed = (value: number, digits: number) => value.toFixed(digits);

export function formatReport(results: RunResult[], options: { seconds: number; rate: number; burst: number }): string {
  const lines = [
    `steady phase: about ${options.rate} deliveries/s in all for ${options.seconds} s (events/s = rate / subscribers); burst phase: ${options.burst} events at once`,
    `${'subscribers'.padEnd(20)} ${'gateway'.padEnd(13)} ${pad('upstream', 8)} ${pad('ev/s', 5)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)} ${pad('max ms', 8)} ${pad('burst ev/s', 10)} ${pad('deliveries/s', 12)} ${pad('gw CPU ms/1k', 12)} ${pad('sub CPU ms/1k', 13)} ${pad('peak RSS MiB', 12)} ${pad('connect s', 9)} ${pad('undelivered', 11)} ${pad('errors', 6)}`,
  ];
  for (const r of results) {
    const kind = `${r.workload.subscribers} ${r.workload.channels === 1 ? 'identical' : 'distinct'}`;
    lines.push(
      `${kind.padEnd(20)} ${r.label.padEnd(13)} ${pad(String(r.upstreamSubscriptions), 8)} ${pad(String(r.latencyEventsPerSecond), 5)} ${pad(fixed(r.latency.p50, 1), 8)} ${pad(fixed(r.latency.p99, 1), 8)} ${pad(fixed(r.latency.p100, 1), 8)} ${pad(fixed(r.burstEventsPerSecond, 1), 10)} ${pad(fixed(r.deliveriesPerSecond, 0), 12)} ${pad(fixed(r.gatewayCpuMsPer1kDeliveries, 1), 12)} ${pad(fixed(r.subgraphCpuMsPer1kDeliveries, 1), 13)} ${pad(fixed(r.peakRssMiB, 0), 12)} ${pad(fixed(r.connectSeconds, 1), 9)} ${pad(String(r.undelivered), 11)} ${pad(String(r.errors), 6)}${r.latencyComplete && r.burstComplete ? '' : '  (incomplete)'}`,
    );
  }
  lines.push('', 'Touchpoint / Hive Gateway (deliveries/s: higher is better; latency, CPU and memory: lower is better)');
  const key = (r: RunResult) => `${r.workload.subscribers}/${r.workload.channels}`;
  for (const touchpoint of results.filter((r) => r.gateway === 'touchpoint')) {
    const hive = results.find((r) => r.gateway === 'hive' && key(r) === key(touchpoint));
    if (!hive) continue;
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
    lines.push(
      `${`${touchpoint.workload.subscribers} ${touchpoint.workload.channels === 1 ? 'identical' : 'distinct'}`.padEnd(20)} deliveries/s ${ratio(touchpoint.deliveriesPerSecond, hive.deliveriesPerSecond)}, p50 ${ratio(touchpoint.latency.p50, hive.latency.p50)}, p99 ${ratio(touchpoint.latency.p99, hive.latency.p99)}, gateway CPU per delivery ${ratio(touchpoint.gatewayCpuMsPer1kDeliveries, hive.gatewayCpuMsPer1kDeliveries)}, peak RSS ${ratio(touchpoint.peakRssMiB, hive.peakRssMiB)}`,
    );
  }
  return lines.join('\n');
}
