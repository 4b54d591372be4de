import { startRig, type ConformanceRig } from './support/conformance-harness';
import { expectConformant } from './support/expect-conformant';
import { shopOperations, shopSubgraphs } from './corpus/shop';

describe('conformance with @apollo/gateway: the shop supergraph', () => {
  let rig: ConformanceRig;
  beforeAll(async () => {
    rig = await startRig(shopSubgraphs);
  });
  afterAll(async () => {
    await rig?.stop();
  });

  test.each(shopOperations.map((op) => [op.name, op] as const))('%s', async (_name, operation) => {
    const [touchpoint, apollo] = await Promise.all([rig.viaTouchpoint(operation), rig.viaApollo(operation)]);
    expectConformant(touchpoint, apollo);
  });
});
