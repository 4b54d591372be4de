// Messages sent on one WebSocket within one turn of the event loop leave in one write: a client
// multiplexing many subscriptions on a connection gets each event's results for all of them in
// one system call instead of one per subscription. The socket is corked at the first send of the
// turn and uncorked once the turn's other work (the rest of the fan-out) is done.
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

export function corkSendsPerTurn(webSocket: WebSocket): void {
  // ws keeps the TCP socket it frames onto as `_socket`; without one there is nothing to batch.
  const raw = (webSocket as unknown as { _socket?: Socket })._socket;
  if (!raw || typeof raw.cork !== 'function') return;
  const send = webSocket.send.bind(webSocket);
  let corked = false;
  const uncork = () => {
    corked = false;
    raw.uncork();
  };
  webSocket.send = ((data: Parameters<WebSocket['send']>[0], ...rest: unknown[]) => {
    if (!corked && !raw.destroyed) {
      corked = true;
      raw.cork();
      setImmediate(uncork);
    }
    return (send as (...args: unknown[]) => void)(data, ...rest);
  }) as WebSocket['send'];
}
