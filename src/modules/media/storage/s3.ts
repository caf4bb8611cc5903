// Media bytes as objects in an S3 bucket (AWS or an S3-compatible server), under an optional key prefix.
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { MediaStorageConfig } from '../../../config.js';
import { assertValidKey, assertValidPrefix, assertValidRange, BlobNotFound, type BlobStore, type ByteRange } from './blob-store.js';

export type S3StorageConfig = Extract<MediaStorageConfig, { kind: 's3' }>;

export interface S3BlobStoreOptions {
  /** keys per ListObjectsV2 page (S3's maximum is 1000); small values let tests cover paging */
  pageSize?: number;
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly pageSize: number;

  constructor(
    private readonly config: S3StorageConfig,
    options: S3BlobStoreOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.client = new S3Client({
      endpoint: config.endpoint ?? undefined,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Since early 2025 the SDK by default sends uploads as aws-chunked bodies with a trailing CRC32.
      // Many S3-compatible servers (s3rver, older MinIO and Ceph) store that framing as the object's
      // bytes; checksums only where an operation requires them keeps the bytes intact everywhere.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // requestTimeout is idle time on the socket, not a limit on a whole 2 GB transfer.
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 300_000 },
    });
  }

  async putFile(key: string, filePath: string, contentType: string): Promise<void> {
    const Key = this.objectKey(key);
    // Opened first: a missing file fails here, before any request, and the size sent is that of the open file.
    const handle = await open(filePath, 'r');
    const body = handle.createReadStream();
    try {
      const { size } = await handle.stat();
      // One PutObject with a stream and its length: S3 takes up to 5 GB this way, and an object
      // appears only when complete.
      await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key, Body: body, ContentLength: size, ContentType: contentType }));
    } finally {
      body.destroy(); // closes the file handle too
    }
  }

  async putBuffer(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Body: data, ContentLength: data.length, ContentType: contentType }),
    );
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) assertValidRange(range);
    let res;
    try {
      res = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
    } catch (err) {
      if (isMissing(err)) throw new BlobNotFound(key, { cause: err });
      if (errorName(err) === 'InvalidRange') throw new RangeError(`byte range starts at ${range?.start}, past the end of "${key}"`, { cause: err });
      throw err;
    }
    const body = res.Body as Readable;
    return range ? exactRange(body, range, res.ContentRange, res.ContentLength) : body;
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of an absent key with success.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  async *list(prefix: string): AsyncIterable<string> {
    assertValidPrefix(prefix);
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.config.prefix + prefix, MaxKeys: this.pageSize, ContinuationToken }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key) yield object.Key.slice(this.config.prefix.length);
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return this.config.prefix + key;
  }
}

function errorName(err: unknown): string | undefined {
  return (err as { name?: string })?.name;
}

function isMissing(err: unknown): boolean {
  const name = errorName(err);
  // HEAD answers have no body, so a missing key is only a bare 404 there.
  return (
    name === 'NoSuchKey' ||
    name === 'NotFound' ||
    (name !== 'NoSuchBucket' && (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404)
  );
}

/**
 * The asked range, even from servers that honour Range loosely: s3rver 3.7 answers "bytes=0-0"
 * with the whole object, and some servers ignore Range altogether (200 with everything). Sending
 * those bytes on as the range would corrupt the client's file, so the answer is cut to size.
 */
function exactRange(body: Readable, range: ByteRange, contentRange: string | undefined, contentLength: number | undefined): Readable {
  const served = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange ?? '');
  const total = served ? (served[3] === '*' ? Infinity : Number(served[3])) : (contentLength ?? Infinity);
  const servedStart = served ? Number(served[1]) : 0;
  const servedEnd = served ? Number(served[2]) : total - 1;
  const wantedEnd = Math.min(range.end, total - 1);
  if (range.start > wantedEnd) {
    body.destroy();
    throw new RangeError(`byte range starts at ${range.start}, past the end of the object (${total} bytes)`);
  }
  if (servedStart === range.start && servedEnd === wantedEnd) return body;
  if (servedStart > range.start || servedEnd < wantedEnd) {
    body.destroy();
    throw new Error(`storage server answered bytes ${servedStart}-${servedEnd} to a request for ${range.start}-${range.end}`);
  }
  return Readable.from(sliceBytes(body, range.start - servedStart, wantedEnd - range.start + 1), { objectMode: false });
}

async function* sliceBytes(source: AsyncIterable<Buffer>, skip: number, take: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of source) {
    const from = Math.max(0, skip - seen);
    const to = Math.min(chunk.length, skip + take - seen);
    seen += chunk.length;
    if (to > from) yield chunk.subarray(from, to);
    if (seen >= skip + take) return; // leaving the loop destroys the source: the rest is not downloaded
  }
}
