// The event settings every process reads from its environment (the caller passes the environment:
// only composition roots look at process.env).
//   EVENT_BUS_URL               redis://... or nats://...; unset = in-process (one process only)
//   CHANGE_CAPTURE              listen for changes written straight into the legacy systems (default on)
//   CHANGE_CAPTURE_INTERVAL_MS  how often change tables and feeds are polled (default 500)

export interface EventSettings {
  eventBusUrl: string | null;
  changeCapture: boolean;
  changeCaptureIntervalMs: number;
}

export const DEFAULT_CHANGE_CAPTURE_INTERVAL_MS = 500;

export function eventSettingsFromEnv(env: NodeJS.ProcessEnv): EventSettings {
  const flag = (env.CHANGE_CAPTURE ?? '').trim().toLowerCase();
  if (flag && !['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'].includes(flag)) throw new Error(`CHANGE_CAPTURE must be on or off, not ${JSON.stringify(env.CHANGE_CAPTURE)}`);
  const interval = env.CHANGE_CAPTURE_INTERVAL_MS ? Number(env.CHANGE_CAPTURE_INTERVAL_MS) : DEFAULT_CHANGE_CAPTURE_INTERVAL_MS;
  if (!Number.isInteger(interval) || interval < 10 || interval > 600_000) throw new Error('CHANGE_CAPTURE_INTERVAL_MS must be an integer from 10 to 600000');
  return {
    eventBusUrl: env.EVENT_BUS_URL?.trim() || null,
    changeCapture: !['0', 'false', 'no', 'off'].includes(flag),
    changeCaptureIntervalMs: interval,
  };
}
