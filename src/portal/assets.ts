// The portal's static assets, fingerprinted by content so they can be cached for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Works from src/portal (tsx, vitest) and from dist/src/portal (compiled): assets stay in the source tree.
const folder = here.includes(join('dist', 'src')) ? join(here, '..', '..', '..', 'src', 'portal', 'assets') : join(here, 'assets');

export interface Asset {
  path: string;
  body: Buffer;
  type: string;
}

function load(name: string, type: string): Asset {
  const body = readFileSync(join(folder, name));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [base, ext] = name.split('.');
  return { path: `/assets/${base}.${hash}.${ext}`, body, type };
}

export const stylesheet = load('portal.css', 'text/css; charset=utf-8');
export const ASSETS = new Map([stylesheet].map((a) => [a.path, a]));
