// Files for the demo data, made from scratch at seed time (no binary assets in the repository):
// landscape-like photos drawn as SVG and rendered by sharp, a PDF, and an MP4 container. The
// tests use the same builders for their samples.
import sharp from 'sharp';

/** A minimal valid PDF with one page per text (Helvetica, WinAnsi: ASCII only). */
export function pdf(pages: string[] = ['Hue foreign information']): Buffer {
  const objs: string[] = [];
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (const [i, text] of pages.entries()) {
    const stream = `BT /F1 18 Tf 50 700 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objs.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const [i, o] of objs.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function box(name: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(name, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** An MP4 container (ftyp, moov with an mvhd, mdat); not a playable video, but a well-formed file. */
export function mp4(mdatBytes = 1024): Buffer {
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41', 'latin1'));
  const mvhd = box('mvhd', Buffer.alloc(100));
  return Buffer.concat([ftyp, box('moov', mvhd), box('mdat', Buffer.alloc(mdatBytes, 7))]);
}

/** A 1600×1067 "photo": sky, sun, hills and a river in the palette of the seed; distinct per seed. */
export async function demoPhoto(seed: number, palette: { sky: string; land: string; water: string; accent: string }): Promise<Buffer> {
  const r = (n: number) => (Math.sin(seed * 97.13 + n * 13.7) + 1) / 2;
  const hill = (y: number, amp: number, colour: string, opacity: number) => {
    const pts = Array.from({ length: 9 }, (_, i) => `${i * 200},${Math.round(y - amp * r(i + y))}`).join(' ');
    return `<polygon points="0,1067 ${pts} 1600,1067" fill="${colour}" fill-opacity="${opacity}"/>`;
  };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1067">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.sky}"/><stop offset="1" stop-color="#fdf3e1"/></linearGradient></defs>
    <rect width="1600" height="1067" fill="url(#s)"/>
    <circle cx="${Math.round(300 + 1000 * r(1))}" cy="${Math.round(180 + 120 * r(2))}" r="${Math.round(50 + 40 * r(3))}" fill="${palette.accent}" fill-opacity="0.85"/>
    ${hill(620, 160, palette.land, 0.55)}${hill(720, 120, palette.land, 0.8)}
    <rect y="${Math.round(800 + 40 * r(4))}" width="1600" height="300" fill="${palette.water}"/>
    ${Array.from({ length: 12 }, (_, i) => `<rect x="${Math.round(1600 * r(i + 10))}" y="${Math.round(830 + 200 * r(i + 30))}" width="${Math.round(40 + 120 * r(i + 50))}" height="4" fill="#ffffff" fill-opacity="0.5"/>`).join('')}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
