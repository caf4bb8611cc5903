// The content hash of a published language version: SHA-256 over a canonical form of exactly
// what the API publishes, so a consumer can verify what it received (Art. 7.2). docs/content-hash.md.
import { canonicalJson, sha256Hex } from '../../../core/crypto.js';
import type { ItemMetadata, VersionText } from '../model.js';

export interface PublishedForm {
  itemId: string;
  language: string;
  kind: string;
  agencyId: string;
  title: string;
  summary: string;
  body: string;
  metadata: ItemMetadata;
}

export function canonicalPublishedForm(f: PublishedForm): string {
  return canonicalJson({
    itemId: f.itemId,
    language: f.language,
    kind: f.kind,
    agencyId: f.agencyId,
    title: f.title,
    summary: f.summary,
    body: f.body,
    metadata: f.metadata,
  });
}

export function publishedContentHash(f: PublishedForm): string {
  return sha256Hex(canonicalPublishedForm(f));
}

/** A revision's own hash: its snapshot and where it belongs. */
export function revisionHash(versionId: string, number: number, text: VersionText, metadata: ItemMetadata | undefined): string {
  return sha256Hex(canonicalJson({ versionId, number, text, metadata: metadata ?? null }));
}
