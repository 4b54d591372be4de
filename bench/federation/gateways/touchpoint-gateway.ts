import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type Plugin } from 'graphql-yoga';
import { silentLogger, type Logger } from '../../../lib/logger';
import type { OperationExecutor } from '../../../gateway/execution/operation-executor';
import { createTouchpointExecutor } from '../../../gateway/engine/create-touchpoint-executor';
import { createTouchpointExecutorFactory, type TouchpointExecutorConfig } from '../../../gateway/engine/touchpoint-executor-factory';
import { announceReady, gatewayArgs, onStop } from './gateway-args';

/** The part of gateway/create-gateway.ts this benchmark uses. */
interface GatewayServerModule {
  createGateway(options: {
    supergraphSdl: string;
    log?: Logger;
    graphiql?: boolean;
    executor?: (config: TouchpointExecutorConfig) => Promise<OperationExecutor>;
  }): Promise<{ yoga: RequestListener; close(): Promise<void> }>;
}

// Touchpoint's gateway server (gateway/create-gateway.ts) with Touchpoint's engine; with
// `--server minimal`, or where that server is not there, a bare yoga around the engine.
async function main(): Promise<void> {
  const { supergraphSdl, port } = gatewayArgs();
  const minimal = process.argv.includes('minimal');
  const served = minimal ? null : await touchpointServer(supergraphSdl);
  const { listener, close, kind } = served ?? minimalServer(supergraphSdl);
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  onStop(async () => {
    server.close();
    await close();
  });
  process.stderr.write(`touchpoint served by ${kind}\n`);
  announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
}

async function touchpointServer(supergraphSdl: string) {
  let module: GatewayServerModule;
  try {
    // Loaded at run time: the gateway server is another part of the project.
    module = require('../../../gateway/create-gateway') as GatewayServerModule;
  } catch {
    return null;
  }
  const gateway = await module.createGateway({ supergraphSdl, log: silentLogger, graphiql: false, executor: createTouchpointExecutorFactory });
  return { listener: gateway.yoga, close: () => gateway.close(), kind: 'gateway/create-gateway.ts' };
}

function minimalServer(supergraphSdl: string) {
  const executor = createTouchpointExecutor({ supergraphSdl });
  const useEngine: Plugin = {
    onExecute({ setExecuteFn }) {
      setExecuteFn((args) =>
        executor.execute({
          document: args.document,
          operationName: args.operationName,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
          forwardHeaders: {},
          requestId: '',
          log: silentLogger,
        }),
      );
    },
  };
  const yoga = createYoga({ schema: executor.schema, logging: false, landingPage: false, graphiql: false, plugins: [useEngine] });
  return { listener: yoga as unknown as RequestListener, close: () => executor.close(), kind: 'a minimal yoga server' };
}

void main();
