// Where media bytes live: one small interface, implemented on local disk and on S3.
// Keys are chosen by the media module (content hashes), never by users; they are still
// checked here because on local disk a key becomes a file path.
import type { Readable } from 'node:stream';

/** Inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Stores a local file under key. Atomic: a reader never sees a partial object. Overwriting the same key is allowed. */
  putFile(key: string, filePath: string, contentType: string): Promise<void>;
  putBuffer(key: string, data: Buffer, contentType: string): Promise<void>;
  /** null when absent */
  stat(key: string): Promise<{ size: number } | null>;
  /**
   * The whole object, or the inclusive byte range [start, end]. An end past the last byte is
   * cut to the last byte (as HTTP does); a start past the last byte throws a RangeError.
   * Throws BlobNotFound when absent.
   */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** No error when absent. */
  delete(key: string): Promise<void>;
  /** Keys under a prefix, in no particular order, for garbage collection and tests. */
  list(prefix: string): AsyncIterable<string>;
}

export class BlobNotFound extends Error {
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`no stored object under "${key}"`, options);
    this.name = 'BlobNotFound';
  }
}

// S3 allows 1024 bytes; the media module's keys are far shorter.
const MAX_KEY_LENGTH = 1024;
const KEY_CHARS = /^[A-Za-z0-9._/-]+$/;

/** Throws unless key is a relative path of safe characters, e.g. originals/ab/cd/<sha256>. */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  if (
    key.length > MAX_KEY_LENGTH ||
    !KEY_CHARS.test(key) ||
    key.includes('..') ||
    // empty segments (leading, trailing or double slash) and "." would name the same file twice on disk
    segments.some((s) => s === '' || s === '.')
  ) {
    throw new Error(`invalid storage key "${key}": expected segments of [A-Za-z0-9._-] separated by "/", without ".."`);
  }
}

/** A list prefix is a key's beginning: '' (everything), 'variants/' or 'originals/ab'. */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  // 'x' stands in for the rest of a key, so 'variants/' is checked as 'variants/x'
  try {
    assertValidKey(prefix.endsWith('/') ? `${prefix}x` : prefix);
  } catch {
    throw new Error(`invalid storage prefix "${prefix}"`);
  }
}

export function assertValidRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid byte range ${start}-${end}`);
  }
}
