#!/usr/bin/env node
// Operator CLI entry: runs the compiled CLI, building the server first when it is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'src', 'main.js');
if (!existsSync(entry)) {
  execSync('npm run build:server', { cwd: root, stdio: 'inherit' });
}
await import(entry);
