// The blob store the configuration asks for.
import type { MediaStorageConfig } from '../../../config.js';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local.js';
import { S3BlobStore } from './s3.js';

export { BlobNotFound, assertValidKey, type BlobStore, type ByteRange } from './blob-store.js';

export function createBlobStore(config: MediaStorageConfig): BlobStore {
  return config.kind === 'local' ? new LocalBlobStore(config.dir) : new S3BlobStore(config);
}
