// Optional malware check of uploads by a ClamAV daemon (clamd), through its INSTREAM command.
// Fail closed: when clamd cannot give a verdict, scanFile throws, and the caller refuses the upload.
import { createConnection, type NetConnectOpts, type Socket } from 'node:net';
import { open } from 'node:fs/promises';

/** clamd could not be reached, did not answer in time, or answered with an error. */
export class VirusScanUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VirusScanUnavailable';
  }
}

export type ScanResult = { clean: true } | { clean: false; signature: string };

// clamd's own default chunk size; each chunk is framed by a 4-byte length.
const CHUNK_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_REPLY_BYTES = 4096;

/**
 * Streams the file to clamd and returns its verdict.
 * @param clamdUrl tcp://host:port (port 3310 when left out) or unix:/path/to/clamd.sock
 * @param opts.timeoutMs limit for the whole exchange, connecting and scanning included (default 60 s)
 */
export async function scanFile(clamdUrl: string, filePath: string, opts: { timeoutMs?: number } = {}): Promise<ScanResult> {
  const target = connectOptions(clamdUrl);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Opened before connecting: an unreadable file is the caller's error, not clamd's unavailability.
  const file = await open(filePath, 'r');
  const socket = createConnection(target);
  const stop = new AbortController();
  try {
    return await new Promise<ScanResult>((resolve, reject) => {
      const reply: Buffer[] = [];
      let replyBytes = 0;
      const timer = setTimeout(() => reject(new VirusScanUnavailable(`clamd gave no verdict within ${timeoutMs} ms`)), timeoutMs);
      stop.signal.addEventListener('abort', () => clearTimeout(timer));

      // clamd may answer before it has read everything (e.g. "INSTREAM size limit exceeded. ERROR")
      // and close: whatever it said is then the outcome, not the write error that follows.
      const settleFromReply = (fallback: Error) => {
        if (replyBytes) settle(Buffer.concat(reply));
        else reject(fallback);
      };
      const settle = (raw: Buffer) => {
        try {
          resolve(parseReply(raw));
        } catch (err) {
          reject(err);
        }
      };

      socket.on('data', (data: Buffer) => {
        reply.push(data);
        replyBytes += data.length;
        const all = Buffer.concat(reply);
        const end = all.indexOf(0);
        if (end >= 0) settle(all.subarray(0, end));
        else if (replyBytes > MAX_REPLY_BYTES) reject(new VirusScanUnavailable('clamd sent an overlong reply'));
      });
      socket.on('end', () => settleFromReply(new VirusScanUnavailable('clamd closed the connection without a verdict')));
      socket.on('close', () => settleFromReply(new VirusScanUnavailable('clamd closed the connection without a verdict')));
      socket.on('error', (err) => settleFromReply(new VirusScanUnavailable(`clamd is unavailable: ${err.message}`, { cause: err })));
      socket.on('connect', () => {
        sendFile(socket, file, stop.signal).catch((err: unknown) => {
          if (stop.signal.aborted) return;
          // a write refused because clamd closed the connection: its reply (or the close) decides
          if (isCode(err, 'EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ABORT_ERR')) return;
          reject(err);
        });
      });
    });
  } finally {
    stop.abort();
    socket.destroy();
    await file.close();
  }
}

/** zINSTREAM, then chunks of at most 64 KiB each after its 4-byte big-endian length, then a zero length. */
async function sendFile(socket: Socket, file: Awaited<ReturnType<typeof open>>, signal: AbortSignal): Promise<void> {
  await write(socket, Buffer.from('zINSTREAM\0'), signal);
  // The stream is read from the open handle but must leave it open: the caller closes it.
  for await (const chunk of file.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false })) {
    const data = chunk as Buffer;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    await write(socket, length, signal);
    await write(socket, data, signal);
  }
  await write(socket, Buffer.alloc(4), signal);
}

/** Writes and waits while the socket's buffer is full, so a big file is never held in memory. */
async function write(socket: Socket, data: Buffer, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (socket.write(data)) return;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      signal.removeEventListener('abort', done);
      if (signal.aborted || socket.destroyed) reject(Object.assign(new Error('scan ended'), { code: 'ABORT_ERR' }));
      else resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
    signal.addEventListener('abort', done);
  });
}

/** "stream: OK", "stream: Eicar-Test-Signature FOUND"; anything else (such as "... ERROR") is no verdict. */
function parseReply(raw: Buffer): ScanResult {
  const text = raw.toString('utf8').replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(text)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { clean: false, signature: found[1] };
  throw new VirusScanUnavailable(`clamd answered: ${text || '(nothing)'}`);
}

function connectOptions(clamdUrl: string): NetConnectOpts {
  let url: URL;
  try {
    url = new URL(clamdUrl);
  } catch {
    throw new VirusScanUnavailable(`invalid clamd URL "${clamdUrl}"`);
  }
  if (url.protocol === 'tcp:' && url.hostname) {
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 3310 };
  }
  if (url.protocol === 'unix:' && url.pathname) return { path: decodeURIComponent(url.pathname) };
  throw new VirusScanUnavailable(`invalid clamd URL "${clamdUrl}": expected tcp://host:port or unix:/path`);
}

function isCode(err: unknown, ...codes: string[]): boolean {
  return codes.includes((err as NodeJS.ErrnoException)?.code ?? '');
}
