// scanFile against a fake clamd written here: a TCP (or unix socket) server that speaks INSTREAM,
// reassembles the chunks and reports the EICAR test string as found.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanFile, VirusScanUnavailable } from './virus-scan.js';
import { EICAR, fakeClamd as startFakeClamd } from '../../../test/helpers/fake-clamd.js';

const work = mkdtempSync(join(tmpdir(), 'ttdn-clamd-'));
const servers: Server[] = [];
const fakeClamd: typeof startFakeClamd = async (behaviour, socketPath) => {
  const c = await startFakeClamd(behaviour, socketPath);
  servers.push(c.server);
  return c;
};
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(work, { recursive: true, force: true });
});

function file(name: string, content: Buffer | string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('scanFile', () => {
  it('reports a clean file as clean, and clamd receives exactly its bytes', async () => {
    const clamd = await fakeClamd();
    const path = file('clean.txt', 'Thông tin đối ngoại — nothing to see here');
    expect(await scanFile(clamd.url, path)).toEqual({ clean: true });
    expect(clamd.scans[0].data.toString()).toBe('Thông tin đối ngoại — nothing to see here');
  });

  it('reports the EICAR test file with its signature', async () => {
    const clamd = await fakeClamd();
    expect(await scanFile(clamd.url, file('eicar.com', EICAR))).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('streams a file bigger than one chunk in chunks of at most 64 KiB', async () => {
    const clamd = await fakeClamd();
    const data = randomBytes(1024 * 1024 + 17);
    expect(await scanFile(clamd.url, file('big.bin', data))).toEqual({ clean: true });
    const [scan] = clamd.scans;
    expect(sha256(scan.data)).toBe(sha256(data));
    expect(scan.chunkSizes.length).toBe(Math.ceil(data.length / 65536));
    expect(Math.max(...scan.chunkSizes)).toBeLessThanOrEqual(65536);
  });

  it('finds EICAR that straddles a chunk boundary', async () => {
    const clamd = await fakeClamd();
    const data = Buffer.concat([randomBytes(65536 - 30), Buffer.from(EICAR), randomBytes(200_000)]);
    expect(await scanFile(clamd.url, file('straddle.bin', data))).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
    expect(clamd.scans[0].chunkSizes.length).toBeGreaterThan(1);
  });

  it('scans an empty file', async () => {
    const clamd = await fakeClamd();
    expect(await scanFile(clamd.url, file('empty', ''))).toEqual({ clean: true });
    expect(clamd.scans[0].chunkSizes).toEqual([]);
  });

  it('talks to clamd on a unix socket', async () => {
    const clamd = await fakeClamd('scan', join(work, 'clamd.sock'));
    expect(await scanFile(clamd.url, file('eicar2.com', EICAR))).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('throws VirusScanUnavailable when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    await expect(scanFile(`tcp://127.0.0.1:${port}`, file('a.txt', 'a'))).rejects.toThrow(VirusScanUnavailable);
    await expect(scanFile(`unix:${join(work, 'no-such.sock')}`, file('a.txt', 'a'))).rejects.toThrow(VirusScanUnavailable);
  });

  it('throws VirusScanUnavailable when clamd never answers', async () => {
    const clamd = await fakeClamd('silent');
    const started = Date.now();
    await expect(scanFile(clamd.url, file('b.txt', 'b'), { timeoutMs: 300 })).rejects.toThrow(/no verdict within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(clamd.scans).toHaveLength(1); // the file was sent in full; only the answer was missing
  });

  it('throws VirusScanUnavailable when clamd answers with an error', async () => {
    const clamd = await fakeClamd({ errorAtEnd: "stream: Can't allocate memory ERROR" });
    const err = await scanFile(clamd.url, file('c.txt', 'c')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirusScanUnavailable);
    expect((err as Error).message).toMatch(/Can't allocate memory ERROR/);
  });

  it('throws VirusScanUnavailable when clamd stops a file over its size limit mid-stream', async () => {
    const clamd = await fakeClamd({ limitBytes: 100_000 });
    const err = await scanFile(clamd.url, file('too-big.bin', randomBytes(8 * 1024 * 1024))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirusScanUnavailable);
    expect((err as Error).message).toMatch(/INSTREAM size limit exceeded\. ERROR/);
  });

  it('throws VirusScanUnavailable for a clamd URL it cannot use', async () => {
    for (const url of ['not a url', 'http://127.0.0.1:3310', 'tcp://']) {
      await expect(scanFile(url, file('d.txt', 'd')), url).rejects.toThrow(VirusScanUnavailable);
    }
  });

  it('lets a missing file fail as such, not as an unavailable scanner', async () => {
    const clamd = await fakeClamd();
    const err = await scanFile(clamd.url, join(work, 'missing.bin')).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(VirusScanUnavailable);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(clamd.scans).toHaveLength(0);
  });
});
