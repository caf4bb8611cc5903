// Office documents (DOCX, XLSX, PPTX, ODT) are zip archives: check them for decompression bombs
// from the central directory before anything reads them, then pull the plain text of the parts
// that hold it (for search and the state-secret check), never expanding more than the limits.
import yauzl from 'yauzl';

export const OFFICE_LIMITS = {
  maxEntries: 5_000,
  /** declared uncompressed total */
  maxUncompressedBytes: 300 * 1024 * 1024,
  /** per entry, expanded / compressed; office XML compresses ~10-30x, bombs ~1000x */
  maxRatio: 200,
  /** text parts read for extraction, each */
  maxTextPartBytes: 20 * 1024 * 1024,
  maxTextChars: 1_000_000,
};

export class ArchiveBomb extends Error {}
export class ArchiveUnreadable extends Error {}

const TEXT_PARTS = [/^word\/document\.xml$/, /^ppt\/slides\/slide\d+\.xml$/, /^xl\/sharedStrings\.xml$/, /^content\.xml$/];

function open(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(new ArchiveUnreadable(err?.message ?? 'no zip')) : resolve(zip),
    ),
  );
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new ArchiveUnreadable(err?.message ?? 'no stream'));
      const chunks: Buffer[] = [];
      let n = 0;
      stream.on('data', (c: Buffer) => {
        n += c.length;
        if (n > limit) {
          stream.destroy();
          reject(new ArchiveBomb('part too large'));
        } else chunks.push(c);
      });
      stream.on('error', (e) => reject(e instanceof ArchiveBomb ? e : new ArchiveUnreadable(e.message)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

const xmlText = (xml: string) =>
  xml
    .replace(/<\/(w:p|a:p|text:p|text:h|si)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');

export interface OfficeFacts {
  entries: number;
  uncompressedBytes: number;
  text: string;
}

/** Checks the archive and extracts its text; throws ArchiveBomb or ArchiveUnreadable. */
export async function inspectOffice(path: string): Promise<OfficeFacts> {
  const zip = await open(path);
  try {
    const entries: yauzl.Entry[] = [];
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push(e);
        total += e.uncompressedSize;
        if (entries.length > OFFICE_LIMITS.maxEntries || total > OFFICE_LIMITS.maxUncompressedBytes) return reject(new ArchiveBomb('too much'));
        const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
        if (e.uncompressedSize > 1024 * 1024 && ratio > OFFICE_LIMITS.maxRatio) return reject(new ArchiveBomb('ratio'));
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(new ArchiveUnreadable(e.message)));
      zip.readEntry();
    });
    let text = '';
    const parts = entries
      .filter((e) => TEXT_PARTS.some((re) => re.test(e.fileName)))
      .sort((a, b) => a.fileName.localeCompare(b.fileName, 'en', { numeric: true }));
    for (const e of parts) {
      if (text.length >= OFFICE_LIMITS.maxTextChars) break;
      const xml = (await readEntry(zip, e, OFFICE_LIMITS.maxTextPartBytes)).toString('utf8');
      text += xmlText(xml) + '\n';
    }
    return {
      entries: entries.length,
      uncompressedBytes: total,
      text: text
        .replace(/\n\s*\n+/g, '\n')
        .trim()
        .slice(0, OFFICE_LIMITS.maxTextChars),
    };
  } finally {
    zip.close();
  }
}
