// Webhooks: use cases (subscriptions in use-cases/subscriptions.ts, dispatch and sending in use-cases/dispatch.ts).
export * from './use-cases/subscriptions.js';
export { dispatchWebhooks, sendDueWebhooks, RETRY_DELAYS_MS } from './use-cases/dispatch.js';
export { DISABLED_FOR_FAILURES } from './use-cases/auto-disable.js';
export { signPayload, verifySignature } from './signature.js';
