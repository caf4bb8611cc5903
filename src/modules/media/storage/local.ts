// Media bytes as files under one folder: a key is a relative path below it.
import { constants } from 'node:fs';
import { copyFile, mkdir, open, opendir, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertValidKey, assertValidPrefix, assertValidRange, BlobNotFound, type BlobStore, type ByteRange } from './blob-store.js';

// Temporary files carry "~", which no key may contain, so list() can never mistake one for an object.
const TEMP_MARK = '~tmp-';

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local';

  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  // The content type is not kept: the media module has it in the database and sends it when serving.
  async putFile(key: string, filePath: string, _contentType: string): Promise<void> {
    // FICLONE: a copy-on-write clone where the file system can, a plain copy elsewhere.
    await this.writeAtomically(key, (tmp) => copyFile(filePath, tmp, constants.COPYFILE_FICLONE));
  }

  async putBuffer(key: string, data: Buffer, _contentType: string): Promise<void> {
    await this.writeAtomically(key, (tmp) => writeFile(tmp, data, { flag: 'wx' }));
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? { size: s.size } : null;
    } catch (err) {
      if (isCode(err, 'ENOENT', 'ENOTDIR')) return null;
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) assertValidRange(range);
    let handle;
    try {
      // Opened before returning, so absence is an error of read() and not of the stream;
      // a later overwrite (rename) leaves this reader on the old, complete file.
      handle = await open(this.path(key), 'r');
    } catch (err) {
      if (isCode(err, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw new BlobNotFound(key, { cause: err });
      throw err;
    }
    const info = await handle.stat().catch(async (err: unknown) => {
      await handle.close();
      throw err;
    });
    // a folder opens for reading too; it is not an object
    if (!info.isFile()) {
      await handle.close();
      throw new BlobNotFound(key);
    }
    if (range && range.start >= info.size) {
      await handle.close();
      throw new RangeError(`byte range starts at ${range.start}, past the end of "${key}" (${info.size} bytes)`);
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    try {
      await unlink(path);
    } catch (err) {
      if (isCode(err, 'ENOENT', 'ENOTDIR')) return;
      throw err;
    }
    await this.pruneEmptyFolders(dirname(path));
  }

  async *list(prefix: string): AsyncIterable<string> {
    assertValidPrefix(prefix);
    // Walk only the folder the prefix names, e.g. 'variants/ab' walks variants/.
    const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    for await (const key of this.walk(base)) {
      if (key.startsWith(prefix)) yield key;
    }
  }

  private async *walk(relDir: string): AsyncGenerator<string> {
    let dir;
    try {
      dir = await opendir(join(this.root, relDir));
    } catch (err) {
      if (isCode(err, 'ENOENT', 'ENOTDIR')) return;
      throw err;
    }
    for await (const entry of dir) {
      if (entry.isDirectory()) yield* this.walk(`${relDir}${entry.name}/`);
      else if (entry.isFile() && !entry.name.includes(TEMP_MARK)) yield relDir + entry.name;
    }
  }

  private path(key: string): string {
    assertValidKey(key);
    return join(this.root, key);
  }

  /** Writes a temporary file beside the target, flushes it to disk, then renames it over the target. */
  private async writeAtomically(key: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const target = this.path(key);
    const dir = dirname(target);
    const tmp = `${target}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
    // A concurrent delete() may remove the (then empty) folder between mkdir and write: try again.
    for (let attempt = 1; ; attempt++) {
      await mkdir(dir, { recursive: true });
      try {
        await write(tmp);
        break;
      } catch (err) {
        await unlink(tmp).catch(() => {});
        if (attempt < 3 && isCode(err, 'ENOENT') && !(await isDirectory(dir))) continue;
        throw err;
      }
    }
    try {
      // Without the flush, a crash soon after the rename can leave an empty or partial file under the key.
      const handle = await open(tmp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, target);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
    await syncFolder(dir);
  }

  /** Removes folders left empty by a delete, up to (not including) the root. */
  private async pruneEmptyFolders(dir: string): Promise<void> {
    while (dir.startsWith(this.root + sep)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or already gone): folders above are not empty either
      }
      dir = dirname(dir);
    }
  }
}

function isCode(err: unknown, ...codes: string[]): boolean {
  return codes.includes((err as NodeJS.ErrnoException)?.code ?? '');
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Makes the rename itself durable. Best effort: not every platform can open a folder for fsync. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // the object is complete either way; only its survival of a power cut is less certain
  }
}
