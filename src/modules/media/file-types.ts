// The file types the library accepts, named by what the bytes are (file-type), never by the name.
export type MediaKind = 'image' | 'video' | 'document';

export interface AllowedType {
  kind: MediaKind;
  mime: string;
  /** the extension we give the file */
  ext: string;
  /** extensions a file name may carry for this type (a different one is a lie) */
  aliases: string[];
  label: string;
}

const T = (kind: MediaKind, mime: string, ext: string, aliases: string[], label: string): AllowedType => ({
  kind,
  mime,
  ext,
  aliases: [ext, ...aliases],
  label,
});

/** Keyed by file-type's `ext`. */
export const ALLOWED_TYPES: Record<string, AllowedType> = {
  jpg: T('image', 'image/jpeg', 'jpg', ['jpeg', 'jpe', 'jfif'], 'JPEG'),
  png: T('image', 'image/png', 'png', [], 'PNG'),
  webp: T('image', 'image/webp', 'webp', [], 'WebP'),
  avif: T('image', 'image/avif', 'avif', [], 'AVIF'),
  gif: T('image', 'image/gif', 'gif', [], 'GIF'),
  tif: T('image', 'image/tiff', 'tif', ['tiff'], 'TIFF'),
  heic: T('image', 'image/heic', 'heic', ['heif'], 'HEIC'),
  mp4: T('video', 'video/mp4', 'mp4', ['m4v'], 'MP4'),
  webm: T('video', 'video/webm', 'webm', [], 'WebM'),
  pdf: T('document', 'application/pdf', 'pdf', [], 'PDF'),
  docx: T('document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', [], 'DOCX'),
  xlsx: T('document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', [], 'XLSX'),
  pptx: T('document', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', [], 'PPTX'),
  odt: T('document', 'application/vnd.oasis.opendocument.text', 'odt', [], 'ODT'),
};

export const ALLOWED_MIMES = Object.values(ALLOWED_TYPES).map((t) => t.mime);

/** The extension of a file name, lower case, or null when it has none. */
export function extensionOf(name: string): string | null {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return m ? m[1].toLowerCase() : null;
}

/** A safe display/download name: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string, ext: string): string {
  const base = name
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    .replace(/\p{Cc}|["<>|:*?]/gu, '')
    .trim()
    .slice(0, 200);
  if (!base || base === '.' || base === '..') return `file.${ext}`;
  return extensionOf(base) ? base : `${base}.${ext}`;
}
