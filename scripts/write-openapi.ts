// Writes the server's OpenAPI document to a file (argument), for `npm run lint:openapi` (Redocly).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openApiDocument } from './openapi-document.js';

const out = process.argv[2] ?? 'dist/openapi.json';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(await openApiDocument(), null, 2));
process.stdout.write(`Wrote ${out}\n`);
