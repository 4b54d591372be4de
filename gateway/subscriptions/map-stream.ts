// Maps each result of a stream. Not an async generator: a generator waiting on its source cannot be
// returned until the source yields again, so a client leaving a quiet subscription would keep its
// upstream stream open until the next event. Here `return()` reaches the source at once.

export function mapStream<T, R>(source: AsyncIterable<T>, map: (value: T) => R): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<R> = {
    async next() {
      const item = await iterator.next();
      return item.done ? { value: undefined, done: true } : { value: map(item.value), done: false };
    },
    async return() {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      if (iterator.throw) await iterator.throw(error);
      else await iterator.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
