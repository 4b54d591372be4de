import { describeEventBusContract } from '../../adapters/events/event-bus-contract';
import { InProcessEventBus } from '../../adapters/events/memory/in-process-event-bus';
import { streamNameFor } from '../../adapters/events/nats/nats-event-bus';
import { openEventBus } from '../../adapters/events/open-event-bus';
import { deleteNatsStream, TEST_NATS_URL, TEST_REDIS_URL, uniquePrefix } from './test-brokers';

describeEventBusContract('in-process', async () => ({ open: async () => new InProcessEventBus() }), { distributed: false });

describeEventBusContract('Redis pub/sub', async () => {
  const prefix = `${uniquePrefix('contract')}:`;
  return { open: () => openEventBus(`${TEST_REDIS_URL}?prefix=${encodeURIComponent(prefix)}`) };
}, { distributed: true });

describeEventBusContract('NATS JetStream', async () => {
  const prefix = uniquePrefix('contract');
  return {
    open: () => openEventBus(`${TEST_NATS_URL}?prefix=${prefix}&max_age_s=600`),
    cleanup: () => deleteNatsStream(streamNameFor(prefix)),
  };
}, { distributed: true });
