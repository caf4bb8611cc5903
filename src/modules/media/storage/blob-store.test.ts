// One contract for both blob stores, run on local disk (a temp folder) and on a real S3-compatible
// server: s3rver, in a child process started here, with the bucket created through the S3 API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { MediaStorageConfig } from '../../../config.js';
import { BlobNotFound, type BlobStore } from './blob-store.js';
import { createBlobStore } from './index.js';
import { S3BlobStore, type S3StorageConfig } from './s3.js';
import { startS3rver, stopS3rver } from '../../../../test/helpers/s3rver.js';

const SHA = 'a3f1'.repeat(16);
const work = mkdtempSync(join(tmpdir(), 'ttdn-blob-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A 5 MiB file of random bytes: bigger than any stream buffer, so a put or read must stream. */
const big = randomBytes(5 * 1024 * 1024 + 123);
const bigFile = join(work, 'big.bin');
writeFileSync(bigFile, big);

interface Backend {
  /** A fresh, empty store for one test. */
  store(): BlobStore;
  /** Every name the backend holds for that store's space, temporary ones included. */
  raw(store: BlobStore): Promise<string[]>;
}

function contract(name: string, backend: () => Backend) {
  describe(`blob store contract: ${name}`, () => {
    it('round-trips a multi-MB file byte for byte, and stat gives its size', async () => {
      const b = backend();
      const s = b.store();
      const key = `originals/a3/f1/${SHA}`;
      await s.putFile(key, bigFile, 'application/octet-stream');
      expect(await s.stat(key)).toEqual({ size: big.length });
      expect(sha256(await bytes(await s.read(key)))).toBe(sha256(big));
      expect(await b.raw(s)).toEqual([key]); // no temporary file left behind
    });

    it('round-trips a buffer', async () => {
      const s = backend().store();
      await s.putBuffer(`variants/${SHA}/640.webp`, Buffer.from('RIFF....WEBP'), 'image/webp');
      expect((await bytes(await s.read(`variants/${SHA}/640.webp`))).toString()).toBe('RIFF....WEBP');
      expect(await s.stat(`variants/${SHA}/640.webp`)).toEqual({ size: 12 });
    });

    it('reads byte ranges: first byte, middle, last byte, and an end past the last byte', async () => {
      const s = backend().store();
      await s.putFile('r/big', bigFile, 'application/octet-stream');
      const last = big.length - 1;
      expect(await bytes(await s.read('r/big', { start: 0, end: 0 }))).toEqual(big.subarray(0, 1));
      expect(sha256(await bytes(await s.read('r/big', { start: 1000, end: 200_000 })))).toBe(sha256(big.subarray(1000, 200_001)));
      expect(await bytes(await s.read('r/big', { start: last, end: last }))).toEqual(big.subarray(last));
      expect(await bytes(await s.read('r/big', { start: last - 9, end: last + 1000 }))).toEqual(big.subarray(last - 9));
    });

    it('refuses ranges that start past the end or are malformed', async () => {
      const s = backend().store();
      await s.putBuffer('r/small', Buffer.from('0123456789'), 'text/plain');
      await expect(s.read('r/small', { start: 10, end: 20 })).rejects.toThrow(RangeError);
      await expect(s.read('r/small', { start: 5, end: 4 })).rejects.toThrow(RangeError);
      await expect(s.read('r/small', { start: -1, end: 4 })).rejects.toThrow(RangeError);
    });

    it('overwrites a key with new content', async () => {
      const s = backend().store();
      await s.putBuffer('o/k', Buffer.from('first version, longer'), 'text/plain');
      await s.putBuffer('o/k', Buffer.from('second'), 'text/plain');
      expect((await bytes(await s.read('o/k'))).toString()).toBe('second');
      await s.putFile('o/k', bigFile, 'application/octet-stream');
      expect(await s.stat('o/k')).toEqual({ size: big.length });
    });

    it('deletes, and deleting an absent key is no error', async () => {
      const b = backend();
      const s = b.store();
      await s.putBuffer('originals/00/11/x', Buffer.from('x'), 'text/plain');
      await s.putBuffer('originals/00/11/y', Buffer.from('y'), 'text/plain');
      await s.delete('originals/00/11/x');
      expect(await s.stat('originals/00/11/x')).toBeNull();
      await expect(s.read('originals/00/11/x')).rejects.toThrow(BlobNotFound);
      await s.delete('originals/00/11/x');
      await s.delete('never/there');
      expect(await b.raw(s)).toEqual(['originals/00/11/y']);
    });

    it('lists keys under a prefix (several pages on S3)', async () => {
      const s = backend().store();
      const keys = [
        'originals/ab/cd/1',
        'originals/ab/ce/2',
        'originals/abc/00/3',
        'originals/ff/00/4',
        'variants/h1/320.webp',
        'variants/h1/640.webp',
        'variants/h2/640.webp',
      ];
      for (const k of keys) await s.putBuffer(k, Buffer.from(k), 'text/plain');
      expect(await collect(s.list(''))).toEqual(keys);
      expect(await collect(s.list('originals/'))).toEqual(keys.slice(0, 4));
      expect(await collect(s.list('originals/ab/'))).toEqual(keys.slice(0, 2));
      expect(await collect(s.list('originals/ab'))).toEqual(keys.slice(0, 3)); // a prefix may end inside a segment
      expect(await collect(s.list('variants/h1/'))).toEqual(keys.slice(4, 6));
      expect(await collect(s.list('nothing/'))).toEqual([]);
    });

    it('answers a missing key with stat null and a BlobNotFound read', async () => {
      const s = backend().store();
      expect(await s.stat(`originals/00/00/${SHA}`)).toBeNull();
      await expect(s.read(`originals/00/00/${SHA}`)).rejects.toThrow(BlobNotFound);
      await expect(s.read(`originals/00/00/${SHA}`, { start: 0, end: 0 })).rejects.toThrow(BlobNotFound);
    });

    it('refuses invalid keys and prefixes', async () => {
      const s = backend().store();
      const bad = [
        '',
        '/abs',
        '../up',
        'a/../b',
        'a/..',
        'a..b',
        'a//b',
        'a/',
        './a',
        'a/./b',
        'sp ace',
        'tiếng',
        'back\\slash',
        'q?x',
        'tmp~1',
        'x'.repeat(1025),
      ];
      for (const key of bad) {
        await expect(s.putBuffer(key, Buffer.from('x'), 'text/plain'), key).rejects.toThrow(/invalid storage key/);
        await expect(s.putFile(key, bigFile, 'text/plain'), key).rejects.toThrow(/invalid storage key/);
        await expect(s.stat(key), key).rejects.toThrow(/invalid storage key/);
        await expect(s.read(key), key).rejects.toThrow(/invalid storage key/);
        await expect(s.delete(key), key).rejects.toThrow(/invalid storage key/);
      }
      for (const prefix of ['/', '../', 'a//', 'a b/']) await expect(collect(s.list(prefix)), prefix).rejects.toThrow(/invalid storage prefix/);
    });

    it('leaves no partial object when a put fails, and keeps what was there', async () => {
      const b = backend();
      const s = b.store();
      await expect(s.putFile('f/new', join(work, 'missing.bin'), 'text/plain')).rejects.toThrow(/ENOENT/);
      expect(await s.stat('f/new')).toBeNull();
      expect(await b.raw(s)).toEqual([]);
      await s.putBuffer('f/old', Buffer.from('kept'), 'text/plain');
      await expect(s.putFile('f/old', join(work, 'missing.bin'), 'text/plain')).rejects.toThrow(/ENOENT/);
      expect((await bytes(await s.read('f/old'))).toString()).toBe('kept');
      expect(await b.raw(s)).toEqual(['f/old']);
    });
  });
}

// ---- local disk

let localCount = 0;
const localDirs = new Map<BlobStore, string>();
contract('local disk', () => ({
  store() {
    const dir = join(work, `local-${++localCount}`);
    const store = createBlobStore({ kind: 'local', dir });
    localDirs.set(store, dir);
    return store;
  },
  async raw(store) {
    return walk(localDirs.get(store)!).sort();
  },
}));

describe('local disk specifics', () => {
  it('removes folders a delete leaves empty, and keeps the root', async () => {
    const dir = join(work, 'prune');
    const s = createBlobStore({ kind: 'local', dir });
    expect(s.kind).toBe('local');
    await s.putBuffer(`variants/${SHA}/640.webp`, Buffer.from('a'), 'image/webp');
    await s.putBuffer(`variants/${SHA}/320.webp`, Buffer.from('b'), 'image/webp');
    await s.delete(`variants/${SHA}/640.webp`);
    expect(readdirSync(join(dir, 'variants', SHA))).toEqual(['320.webp']);
    await s.delete(`variants/${SHA}/320.webp`);
    expect(readdirSync(dir)).toEqual([]);
    await s.putBuffer(`variants/${SHA}/320.webp`, Buffer.from('c'), 'image/webp'); // folders come back as needed
    expect(await s.stat(`variants/${SHA}/320.webp`)).toEqual({ size: 1 });
  });

  it('does not take a folder for an object', async () => {
    const s = createBlobStore({ kind: 'local', dir: join(work, 'folders') });
    await s.putBuffer(`variants/${SHA}/640.webp`, Buffer.from('a'), 'image/webp');
    expect(await s.stat(`variants/${SHA}`)).toBeNull();
    await expect(s.read(`variants/${SHA}`)).rejects.toThrow(BlobNotFound);
  });

  it('cleans up its temporary file when the final rename fails', async () => {
    const dir = join(work, 'rename-fails');
    const s = createBlobStore({ kind: 'local', dir });
    await s.putBuffer('d/sub/x', Buffer.from('x'), 'text/plain');
    // the key names an existing folder, so the rename onto it fails after the temporary file is written
    await expect(s.putFile('d/sub', bigFile, 'application/octet-stream')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(walk(dir)).toEqual(['d/sub/x']);
  });

  it('lets a reader that has started finish with the old content while the key is overwritten', async () => {
    const s = createBlobStore({ kind: 'local', dir: join(work, 'reader') });
    await s.putFile('k', bigFile, 'application/octet-stream');
    const reading = await s.read('k');
    await s.putBuffer('k', Buffer.from('new'), 'text/plain');
    expect(sha256(await bytes(reading))).toBe(sha256(big));
    expect((await bytes(await s.read('k'))).toString()).toBe('new');
  });
});

// ---- S3 (s3rver)

let s3rver: ChildProcess;
let s3config: S3StorageConfig;
let rawClient: S3Client;
const BUCKET = 'ttdn-media-test';

beforeAll(async () => {
  const { child, port } = await startS3rver(join(work, 's3rver'));
  s3rver = child;
  s3config = {
    kind: 's3',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: BUCKET,
    // s3rver's fixed credentials; it checks request signatures against them
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: '',
  };
  rawClient = new S3Client({
    endpoint: s3config.endpoint!,
    region: s3config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await rawClient.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => {
  rawClient?.destroy();
  await stopS3rver(s3rver);
});

let s3Count = 0;
const s3Prefixes = new Map<BlobStore, string>();
contract('S3 (s3rver)', () => ({
  // Each test gets its own key prefix in the one bucket; 2 keys a page so listing crosses pages.
  store() {
    const prefix = `t${++s3Count}/`;
    const store = new S3BlobStore({ ...s3config, prefix }, { pageSize: 2 });
    s3Prefixes.set(store, prefix);
    return store;
  },
  async raw(store) {
    const prefix = s3Prefixes.get(store)!;
    const res = await rawClient.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    return (res.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
  },
}));

describe('S3 specifics', () => {
  it('is built from the configuration and keeps objects under the configured prefix', async () => {
    const config: MediaStorageConfig = { ...s3config, prefix: 'tenant-a/media/' };
    const s = createBlobStore(config);
    expect(s.kind).toBe('s3');
    await s.putBuffer(`originals/a3/f1/${SHA}`, Buffer.from('x'), 'image/jpeg');
    const res = await rawClient.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'tenant-a/' }));
    expect(res.Contents?.map((o) => o.Key)).toEqual([`tenant-a/media/originals/a3/f1/${SHA}`]);
    expect(await collect(s.list('originals/'))).toEqual([`originals/a3/f1/${SHA}`]);
  });

  it('fails (rather than hangs) when the server cannot be reached', async () => {
    const s = new S3BlobStore({ ...s3config, endpoint: 'http://127.0.0.1:9' });
    await expect(s.stat('x')).rejects.toThrow();
  });
});

// ---- helpers

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function collect(keys: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const k of keys) out.push(k);
  return out.sort();
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function walk(dir: string, rel = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? walk(dir, `${rel}${e.name}/`) : [rel + e.name]));
}
