// What an uploaded file really is, and whether we take it. Everything is decided from the bytes:
// the type (file-type), the pixels (sharp reads the header before decoding, then decodes to prove
// the file whole), the archive structure of office files, the PDF's pages. The name only has to
// agree. Refusals are `Invalid` errors on the field "file", with the reason in vi and en.
import { execFile } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { fileTypeFromFile } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import type { MediaConfig } from '../../config.js';
import { Invalid } from '../../core/errors.js';
import { findSecrecyMark } from '../content/service.js';
import { ALLOWED_TYPES, extensionOf, type AllowedType, type MediaKind } from './file-types.js';
import { ArchiveBomb, inspectOffice } from './office.js';
import type { MediaFacts } from './tables.js';

export interface Inspection {
  kind: MediaKind;
  type: AllowedType;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  pageCount: number | null;
  facts: MediaFacts;
  extractedText: string;
}

const MAX_PDF_PARSE_BYTES = 200 * 1024 * 1024;
const MAX_TEXT = 1_000_000;

sharp.cache(false);

/** Inspects a complete file on local disk; throws Invalid (field "file") when it is refused. */
export async function inspectFile(path: string, size: number, fileName: string, config: MediaConfig): Promise<Inspection> {
  if (size === 0) throw Invalid.field('file', 'media_empty');
  const detected = await fileTypeFromFile(path).catch(() => undefined);
  if (!detected) throw Invalid.field('file', 'media_type_unknown');
  const type = ALLOWED_TYPES[detected.ext];
  if (!type) throw Invalid.field('file', 'media_type_not_allowed', { type: detected.mime || detected.ext });
  const nameExt = extensionOf(fileName);
  if (nameExt && !type.aliases.includes(nameExt)) throw Invalid.field('file', 'media_extension_mismatch', { ext: nameExt, type: type.label });

  let result: Inspection;
  if (type.kind === 'image') result = await inspectImage(path, type, config);
  else if (type.kind === 'video') result = await inspectVideo(path, size, type, config);
  else result = await inspectDocument(path, size, type);

  const texts = [result.extractedText, ...Object.values(result.facts.embedded ?? {})];
  for (const s of texts) {
    const hit = s ? findSecrecyMark(s) : null;
    if (hit) throw Invalid.field('file', 'state_secret_mark', { mark: hit.mark });
  }
  return result;
}

async function inspectImage(path: string, type: AllowedType, config: MediaConfig): Promise<Inspection> {
  const limit = config.maxImagePixels;
  let meta: Metadata;
  try {
    // header only: a pixel bomb is refused before anything is decoded
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    throw Invalid.field('file', 'media_image_unreadable', { type: type.label });
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  const frames = meta.pages ?? 1;
  if (!width || !height) throw Invalid.field('file', 'media_image_unreadable', { type: type.label });
  if (width * height * frames > limit) {
    throw Invalid.field('file', 'media_too_many_pixels', { pixels: Math.ceil((width * height * frames) / 1e6), max: Math.floor(limit / 1e6) });
  }
  try {
    // decode every pixel (at reduced size where the format allows): truncated or corrupt data fails here
    await sharp(path, { failOn: 'truncated', limitInputPixels: limit, pages: -1 }).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw Invalid.field('file', 'media_image_unreadable', { type: type.label });
  }
  const facts: MediaFacts = { orientation: meta.orientation, frames, ...(await embeddedMetadata(path)) };
  // EXIF orientations 5-8 swap the sides: store what people see
  const swapped = (meta.orientation ?? 1) >= 5;
  return {
    kind: 'image',
    type,
    width: swapped ? height : width,
    height: swapped ? width : height,
    durationSeconds: null,
    pageCount: null,
    facts,
    extractedText: '',
  };
}

const first = (...vs: unknown[]): string | undefined => {
  for (const v of vs) {
    const s = Array.isArray(v)
      ? v.join(', ')
      : typeof v === 'string'
        ? v
        : v && typeof v === 'object' && 'value' in v
          ? String((v as { value: unknown }).value)
          : undefined;
    if (s && s.trim()) return s.trim().normalize('NFC').slice(0, 2000);
  }
  return undefined;
};

/** EXIF, IPTC and XMP values that prefill the editable fields (exifr). Never fails the upload. */
async function embeddedMetadata(path: string): Promise<Pick<MediaFacts, 'embedded' | 'gps'>> {
  let m: Record<string, unknown> | undefined;
  try {
    m = await exifr.parse(path, {
      tiff: true,
      exif: true,
      gps: true,
      iptc: true,
      xmp: true,
      icc: false,
      mergeOutput: true,
      translateValues: true,
      reviveValues: true,
    });
  } catch {
    return {};
  }
  if (!m) return {};
  const date = m.DateTimeOriginal ?? m.CreateDate ?? m.DateCreated;
  const dateTaken = date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
  const embedded = {
    author: first(m.Artist, m.creator, m.Creator, m['By-line'], m.Byline),
    dateTaken,
    caption: first(m.ImageDescription, m.description, m['Caption-Abstract'], m.Caption, m.title),
    copyright: first(m.Copyright, m.rights, m.CopyrightNotice),
    place: first(
      [m.City, m['Sub-location'] ?? m.Sublocation, m['Province-State'] ?? m.State, m['Country-PrimaryLocationName'] ?? m.Country].filter(Boolean) as string[],
    ),
  };
  const lat = typeof m.latitude === 'number' ? m.latitude : null;
  const lon = typeof m.longitude === 'number' ? m.longitude : null;
  const clean = Object.fromEntries(Object.entries(embedded).filter(([, v]) => v)) as NonNullable<MediaFacts['embedded']>;
  return { embedded: clean, gps: lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon) ? { latitude: lat, longitude: lon } : null };
}

async function inspectVideo(path: string, size: number, type: AllowedType, config: MediaConfig): Promise<Inspection> {
  if (type.ext === 'mp4' && !(await mp4BoxesComplete(path, size))) throw Invalid.field('file', 'media_video_unreadable');
  const video: NonNullable<MediaFacts['video']> = { probed: false };
  if (config.ffprobePath) {
    const probe = await ffprobe(config.ffprobePath, path);
    if (!probe) throw Invalid.field('file', 'media_video_unreadable');
    const stream = probe.streams?.find((s) => s.codec_type === 'video');
    if (!stream) throw Invalid.field('file', 'media_video_unreadable');
    const ok = type.ext === 'mp4' ? ['h264'] : ['vp8', 'vp9', 'av1'];
    if (!ok.includes(stream.codec_name ?? '')) throw Invalid.field('file', 'media_video_codec', { codec: stream.codec_name ?? '?' });
    video.probed = true;
    video.codec = stream.codec_name;
    video.width = stream.width;
    video.height = stream.height;
    const d = Number(probe.format?.duration ?? stream.duration);
    if (Number.isFinite(d)) video.durationSeconds = Math.round(d * 100) / 100;
  }
  return {
    kind: 'video',
    type,
    width: video.width ?? null,
    height: video.height ?? null,
    durationSeconds: video.durationSeconds ?? null,
    pageCount: null,
    facts: { video },
    extractedText: '',
  };
}

/**
 * The top-level boxes of an MP4 must tile the file exactly and include `moov` (the index):
 * a cut-off upload or a renamed fragment fails this, without ffprobe.
 */
async function mp4BoxesComplete(path: string, size: number): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(16);
    let pos = 0;
    let moov = false;
    for (let n = 0; pos < size && n < 10_000; n++) {
      const { bytesRead } = await fh.read(head, 0, 16, pos);
      if (bytesRead < 8) return false;
      let boxSize = head.readUInt32BE(0);
      const name = head.toString('latin1', 4, 8);
      if (boxSize === 1) {
        if (bytesRead < 16) return false;
        boxSize = Number(head.readBigUInt64BE(8));
      } else if (boxSize === 0) boxSize = size - pos; // to the end of the file
      if (boxSize < 8) return false;
      if (name === 'moov') moov = true;
      pos += boxSize;
    }
    return moov && pos === size;
  } finally {
    await fh.close();
  }
}

interface ProbeOutput {
  streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number; duration?: string }>;
  format?: { duration?: string };
}

function ffprobe(bin: string, path: string): Promise<ProbeOutput | null> {
  return new Promise((resolve) =>
    execFile(
      bin,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
      { timeout: 30_000, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout) => {
        if (err) return resolve(null);
        try {
          resolve(JSON.parse(stdout) as ProbeOutput);
        } catch {
          resolve(null);
        }
      },
    ),
  );
}

async function inspectDocument(path: string, size: number, type: AllowedType): Promise<Inspection> {
  const base = { kind: 'document' as const, type, width: null, height: null, durationSeconds: null };
  if (type.ext === 'pdf') {
    if (size > MAX_PDF_PARSE_BYTES) return { ...base, pageCount: null, facts: {}, extractedText: '' };
    const { getDocumentProxy, extractText } = await import('unpdf');
    try {
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)), { isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
      try {
        const { text } = await extractText(pdf, { mergePages: true });
        return { ...base, pageCount: pdf.numPages, facts: { pdf: { pageCount: pdf.numPages } }, extractedText: text.normalize('NFC').slice(0, MAX_TEXT) };
      } finally {
        await pdf.destroy();
      }
    } catch {
      throw Invalid.field('file', 'media_document_unreadable');
    }
  }
  try {
    const office = await inspectOffice(path);
    return {
      ...base,
      pageCount: null,
      facts: { office: { entries: office.entries, uncompressedBytes: office.uncompressedBytes } },
      extractedText: office.text.normalize('NFC'),
    };
  } catch (e) {
    if (e instanceof ArchiveBomb) throw Invalid.field('file', 'media_archive_bomb');
    throw Invalid.field('file', 'media_document_unreadable');
  }
}
