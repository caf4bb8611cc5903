// Web variants of an image: responsive widths in WebP and AVIF, and two crops around the focal
// point (a square thumbnail and a 1.91:1 social card). EXIF orientation is applied; metadata
// (GPS included) is stripped unless the uploader chose to keep it. The source is decoded once.
import sharp, { type Sharp } from 'sharp';
import type { MediaConfig } from '../../config.js';
import type { VariantFile } from './tables.js';

export interface RenderedVariant extends VariantFile {
  data: Buffer;
  mime: string;
}

export const CROPS = [
  { crop: 'square' as const, width: 600, height: 600 },
  { crop: 'social' as const, width: 1200, height: 630 },
];

const encode = (img: Sharp, format: 'webp' | 'avif') => (format === 'webp' ? img.webp({ quality: 80, effort: 4 }) : img.avif({ quality: 50, effort: 2 }));

/** The region of a w×h image with the target aspect, as large as fits, centred on the focal point (0..1). */
export function focalRegion(w: number, h: number, aspect: number, fx: number, fy: number) {
  let cw = w;
  let ch = Math.round(w / aspect);
  if (ch > h) {
    ch = h;
    cw = Math.round(h * aspect);
  }
  const left = Math.min(Math.max(Math.round(fx * w - cw / 2), 0), w - cw);
  const top = Math.min(Math.max(Math.round(fy * h - ch / 2), 0), h - ch);
  return { left, top, width: cw, height: ch };
}

export async function renderVariants(
  path: string,
  opts: { config: Pick<MediaConfig, 'variantWidths' | 'variantFormats' | 'maxImagePixels'>; focalX: number; focalY: number; keepMetadata: boolean },
): Promise<RenderedVariant[]> {
  const { config } = opts;
  // decode once (orientation applied) and resize from the pixels, unless metadata must travel along
  const decoded = opts.keepMetadata
    ? null
    : await sharp(path, { limitInputPixels: config.maxImagePixels }).rotate().raw().toBuffer({ resolveWithObject: true });
  const source = () =>
    decoded
      ? sharp(decoded.data, { raw: { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels } })
      : sharp(path, { limitInputPixels: config.maxImagePixels }).rotate().keepExif();
  const { width: W, height: H } = decoded
    ? decoded.info
    : await sharp(path)
        .rotate()
        .metadata()
        .then((m) => ({ width: (m.orientation ?? 1) >= 5 ? m.height! : m.width!, height: (m.orientation ?? 1) >= 5 ? m.width! : m.height! }));

  const out: RenderedVariant[] = [];
  // every configured width below the original, and the original width when it is smaller than the largest
  const widths = config.variantWidths.filter((w) => w < W);
  if (!widths.length || (W < config.variantWidths[config.variantWidths.length - 1] && !widths.includes(W))) widths.push(W);
  for (const width of widths) {
    for (const format of config.variantFormats) {
      const { data, info } = await encode(source().resize({ width, withoutEnlargement: true }), format).toBuffer({ resolveWithObject: true });
      out.push({ name: `${width}.${format}`, width: info.width, height: info.height, format, size: data.length, data, mime: `image/${format}` });
    }
  }
  for (const c of CROPS) {
    const region = focalRegion(W, H, c.width / c.height, opts.focalX, opts.focalY);
    const { data, info } = await encode(
      source().extract(region).resize({ width: c.width, height: c.height, fit: 'cover', withoutEnlargement: true }),
      'webp',
    ).toBuffer({
      resolveWithObject: true,
    });
    out.push({ name: `${c.crop}.webp`, width: info.width, height: info.height, format: 'webp', size: data.length, crop: c.crop, data, mime: 'image/webp' });
  }
  return out;
}
