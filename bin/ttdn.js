#!/usr/bin/env node
// Operator CLI entry (`npx ttdn …`): runs the compiled CLI, building the server first when the
// build is missing or older than the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'src', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const srcDir = join(root, 'src');
if (!existsSync(entry) || (existsSync(srcDir) && newestMtime(srcDir) > statSync(entry).mtimeMs)) {
  execSync('npm run --silent build:server', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
await import(entry);
