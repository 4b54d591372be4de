import type { Dispatcher } from 'undici';

export interface TextResponse {
  statusCode: number;
  text: string;
}

/**
 * One request through an undici pool, its body collected as text. Uses the pool's handler
 * interface directly: no response stream or body mixin per request, which matters at sixteen
 * subgraph calls per client request.
 */
export function dispatchText(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions): Promise<TextResponse> {
  return new Promise((resolve, reject) => {
    let statusCode = 0;
    const chunks: Buffer[] = [];
    let length = 0;
    const handler: Dispatcher.DispatchHandler = {
      onConnect() {},
      onHeaders(status) {
        statusCode = status;
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        length += chunk.length;
        return true;
      },
      onComplete() {
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
        resolve({ statusCode, text: body.toString('utf8') });
      },
      onError(error) {
        reject(error);
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      reject(error);
    }
  });
}
