// Real sample files of every accepted type, and the traps: made in the test from scratch (sharp
// for images, yazl for office archives, hand-written PDF/MP4/WebM structures), so no binary
// fixtures live in the repository.
import sharp from 'sharp';
import yazl from 'yazl';
import { mp4, pdf } from '../../src/cli/demo-files.js';

export { mp4, pdf };

export async function jpeg(
  opts: { width?: number; height?: number; exif?: boolean; orientation?: number; seed?: number; quality?: number } = {},
): Promise<Buffer> {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  // a gradient with noise compresses like a photo, and differs by seed (distinct hashes)
  const seed = opts.seed ?? 1;
  const raw = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761;
  for (let i = 0; i < raw.length; i += 3) {
    x = (x * 1103515245 + 12345) >>> 0;
    const p = i / 3;
    raw[i] = ((p % width) * 255) / width + ((x >> 24) & 15);
    raw[i + 1] = (Math.floor(p / width) * 255) / height;
    raw[i + 2] = (seed * 40 + ((x >> 16) & 31)) & 255;
  }
  let img = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: opts.quality ?? 85 });
  if (opts.exif) {
    img = img.withExif({
      IFD0: { Artist: 'Nguyen Van An', Copyright: 'So Van hoa va The thao Hue', ImageDescription: 'Ngo Mon, Dai Noi Hue' },
      IFD2: { DateTimeOriginal: '2026:03:14 09:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 28/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '107/1 34/1 5000/100' },
    });
  }
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.toBuffer();
}

const solid = (w = 64, h = 48) => sharp({ create: { width: w, height: h, channels: 3, background: '#2a6' } });

export const png = () => solid().png().toBuffer();
export const webp = () => solid().webp().toBuffer();
export const avif = () => solid().avif().toBuffer();
export const gif = () => solid().gif().toBuffer();
export const tiff = () => solid().tiff().toBuffer();

/** A PNG whose header claims 60000 × 60000 pixels (3.6 gigapixels) in a few hundred bytes. */
export async function pixelBomb(): Promise<Buffer> {
  const small = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const b = Buffer.from(small);
  // IHDR data starts at byte 16: width, height (big-endian); fix the chunk CRC after
  b.writeUInt32BE(60000, 16);
  b.writeUInt32BE(60000, 20);
  b.writeUInt32BE(crc32(b.subarray(12, 29)), 29);
  return b;
}

/** A JPEG cut in the middle of its scan data. */
export async function truncatedJpeg(): Promise<Buffer> {
  const full = await jpeg({ width: 800, height: 600 });
  return full.subarray(0, Math.floor(full.length * 0.6));
}

/** An ELF executable header and some code-like bytes: what a renamed program looks like. */
export function elfExecutable(): Buffer {
  const b = Buffer.alloc(4096, 0x90);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(b, 0);
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  return b;
}

/** A Windows PE executable ("MZ" … "PE\0\0"). */
export function peExecutable(): Buffer {
  const b = Buffer.alloc(4096, 0);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/** The start of an HEIC file (ftyp heic, meta): recognised as HEIC, not decodable by this server's libvips. */
export function heic(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic', 'latin1'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic', 'latin1')]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 16]), Buffer.from('meta', 'latin1'), Buffer.alloc(8), Buffer.alloc(2048, 1)]);
}

/** A WebM (EBML header with DocType "webm" and an empty Segment). */
export function webm(): Buffer {
  const docType = Buffer.concat([Buffer.from([0x42, 0x82, 0x84]), Buffer.from('webm', 'latin1')]);
  const ebmlBody = Buffer.concat([Buffer.from([0x42, 0x86, 0x81, 0x01]), docType, Buffer.from([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02])]);
  const ebml = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | ebmlBody.length]), ebmlBody]);
  const segment = Buffer.concat([Buffer.from([0x18, 0x53, 0x80, 0x67, 0x88]), Buffer.alloc(8, 0xec)]);
  return Buffer.concat([ebml, segment, Buffer.alloc(512, 0)]);
}

function zip(entries: Array<[string, string | Buffer, { store?: boolean }?]>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data, o] of entries) z.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), name, { compress: !o?.store });
  z.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

const CT = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${main}</Types>`;

export function docx(text = 'Lễ hội Huế 2026'): Promise<Buffer> {
  return zip([
    [
      '[Content_Types].xml',
      CT('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ],
  ]);
}

export function xlsx(): Promise<Buffer> {
  return zip([
    [
      '[Content_Types].xml',
      CT('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'),
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>',
    ],
    ['xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Du lịch</t></si></sst>'],
  ]);
}

export function pptx(): Promise<Buffer> {
  return zip([
    [
      '[Content_Types].xml',
      CT('<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>'),
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>',
    ],
    ['ppt/presentation.xml', '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'],
    [
      'ppt/slides/slide1.xml',
      '<?xml version="1.0"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:p><a:r><a:t>Đầu tư</a:t></a:r></a:p></p:sld>',
    ],
  ]);
}

export function odt(text = 'Festival Huế'): Promise<Buffer> {
  return zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text', { store: true }],
    ['META-INF/manifest.xml', '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'],
    [
      'content.xml',
      `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`,
    ],
  ]);
}

/** A DOCX whose document part expands from ~100 KB to 200 MB (a decompression bomb). */
export function docxBomb(): Promise<Buffer> {
  return zip([
    [
      '[Content_Types].xml',
      CT('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
    ],
    ['_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
    ['word/document.xml', Buffer.alloc(200 * 1024 * 1024, 0x20)],
  ]);
}

/** A plain zip archive (not an office document). */
export const plainZip = () => zip([['readme.txt', 'hello']]);

/** The EICAR anti-virus test string, as a text file. */
export const eicar = () => Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');

let table: Uint32Array | null = null;
function crc32(buf: Buffer): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
