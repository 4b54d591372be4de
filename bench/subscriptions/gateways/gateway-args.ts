import { readFileSync } from 'node:fs';

/** `--supergraph <file>`: what every benchmarked gateway process is started with. */
export function supergraphArg(argv = process.argv.slice(2)): string {
  const index = argv.indexOf('--supergraph');
  if (index < 0 || !argv[index + 1]) throw new Error('usage: --supergraph <file>');
  return readFileSync(argv[index + 1], 'utf8');
}

/** Tells the runner the gateway listens (one line on stdout). */
export function announceReady(url: string): void {
  process.stdout.write(`READY ${url}\n`);
}

export function onStop(stop: () => Promise<void>): void {
  const handler = () => void stop().finally(() => process.exit(0));
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
