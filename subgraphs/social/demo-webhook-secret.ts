/** The secret a local run without configuration accepts; production refuses to start with it. */
export const DEMO_WEBHOOK_SECRET = 'touchpoint-demo-webhook-secret';
