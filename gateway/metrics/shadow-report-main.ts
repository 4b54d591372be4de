// `npx tsx gateway/metrics/shadow-report-main.ts [metrics URL]`: agreement of old and new side per
// moved field, read from a running gateway's metrics (default http://localhost:4000/metrics).
import { formatShadowReport, shadowAgreement } from './shadow-report';

async function main(): Promise<void> {
  const url = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? process.env.GATEWAY_METRICS_URL ?? 'http://localhost:4000/metrics';
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const rows = shadowAgreement(await response.text());
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(rows, null, 2)}\n` : formatShadowReport(rows));
}

main().catch((error: unknown) => {
  process.stderr.write(`shadow report: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
