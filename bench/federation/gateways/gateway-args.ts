import { readFileSync } from 'node:fs';

/** `--supergraph <file> --port <port>`: what every benchmarked gateway process is started with. */
export function gatewayArgs(argv = process.argv.slice(2)): { supergraphSdl: string; supergraphPath: string; port: number } {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const supergraphPath = value('--supergraph');
  if (!supergraphPath) throw new Error('usage: --supergraph <file> [--port <port>]');
  return { supergraphSdl: readFileSync(supergraphPath, 'utf8'), supergraphPath, port: Number(value('--port') ?? 0) };
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
