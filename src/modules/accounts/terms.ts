// The terms of use every API client and personal token accepts (docs/terms-of-use.md is the text;
// TERMS_VERSION the version recorded with each acceptance). Read once, from the project's docs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TERMS_VERSION } from './use-cases/api-credentials.js';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('terms of use: project root not found');
    dir = up;
  }
  return dir;
}

let text: string | null = null;

/** The current terms: their version and their text (Markdown, English with Vietnamese). */
export function termsOfUse(): { version: string; markdown: string } {
  text ??= readFileSync(join(projectRoot(), 'docs', 'terms-of-use.md'), 'utf8');
  return { version: TERMS_VERSION, markdown: text };
}
