// One signed POST to a subscriber (no redirects followed, 10 s timeout, no response body read):
// 2xx = delivered. Sent with node:http(s) so the connection's address can be checked (target.ts).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signPayload } from './signature.js';
import { guardedLookup, literalTargetRefusal } from './target.js';

export const SEND_TIMEOUT_MS = 10_000;

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

export async function postSigned(
  url: string,
  secret: string,
  deliveryId: string,
  body: string,
  now: Date,
  opts: { allowPrivate: boolean },
): Promise<SendResult> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const refused = literalTargetRefusal(url, opts.allowPrivate);
  if (refused) return { ok: false, status: null, error: refused };
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        lookup: guardedLookup(opts.allowPrivate) as never,
        timeout: SEND_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'TTDN-Webhooks/1',
          'webhook-id': deliveryId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signPayload(secret, timestamp, body),
        },
      },
      (res: IncomingMessage) => {
        res.resume(); // the body is not read
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({ ok, status, error: ok ? null : `HTTP ${status}` });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`timeout after ${SEND_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({
        ok: false,
        status: null,
        error: String(e.code === 'ETARGETPRIVATE' || e.code === 'ETIMEDOUT' ? e.message : (e.code ?? e.message)).slice(0, 500),
      }),
    );
    req.end(body);
  });
}
