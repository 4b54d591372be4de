/** A subscriber fell so far behind its events that its stream was ended rather than buffer without bound. */
export class SubscriberTooSlowError extends Error {
  override name = 'SubscriberTooSlowError';
  constructor(readonly maxBacklog: number) {
    super(`The subscriber fell more than ${maxBacklog} events behind; the subscription was ended, subscribe again`);
  }
}
