// One signed POST to a subscriber (no redirects followed, 10 s timeout). 2xx = delivered.
import { signPayload } from './signature.js';
import { targetRefusal } from './target.js';

export const SEND_TIMEOUT_MS = 10_000;

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

export async function postSigned(url: string, secret: string, deliveryId: string, body: string, now: Date, opts: { allowPrivate: boolean }): Promise<SendResult> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const refused = await targetRefusal(url, opts.allowPrivate);
  if (refused) return { ok: false, status: null, error: refused };
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'TTDN-Webhooks/1',
        'webhook-id': deliveryId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signPayload(secret, timestamp, body),
      },
      body,
    });
    await res.body?.cancel().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const msg = err.name === 'TimeoutError' ? `timeout after ${SEND_TIMEOUT_MS / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
    return { ok: false, status: null, error: String(msg).slice(0, 500) };
  }
}
