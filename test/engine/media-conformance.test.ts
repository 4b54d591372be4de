import { startRig, type ConformanceRig } from './support/conformance-harness';
import { expectConformant } from './support/expect-conformant';
import { mediaOperations, mediaSubgraphs } from './corpus/media';

describe('conformance with @apollo/gateway: the media supergraph (interfaces, unions, @interfaceObject, @inaccessible)', () => {
  let rig: ConformanceRig;
  beforeAll(async () => {
    rig = await startRig(mediaSubgraphs);
  });
  afterAll(async () => {
    await rig?.stop();
  });

  test.each(mediaOperations.map((op) => [op.name, op] as const))('%s', async (_name, operation) => {
    const [touchpoint, apollo] = await Promise.all([rig.viaTouchpoint(operation), rig.viaApollo(operation)]);
    expectConformant(touchpoint, apollo);
  });
});
