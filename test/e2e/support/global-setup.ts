// Builds the admin app when admin/dist is missing or older than its sources, so the journeys
// always exercise the current UI as the server serves it; then starts the one server the journeys
// that do not need an environment of their own share (support/shared-server.ts), and stops it at
// the end of the run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot, startServer, type TestServer } from './server.js';
import { SHARED_SERVER_ENV } from './shared-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared server of the journeys, without its `output` and `stop`. */
    e2eServer: Omit<TestServer, 'output' | 'stop'>;
  }
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export default async function setup(project: TestProject) {
  const admin = join(projectRoot, 'admin');
  const built = join(admin, 'dist', 'index.html');
  const sources = [join(admin, 'src'), join(admin, 'index.html'), join(admin, 'vite.config.ts'), join(admin, 'postcss.config.cjs')].filter(existsSync);
  const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  if (stale) execFileSync('npm', ['run', 'build:admin'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });

  const server = await startServer(SHARED_SERVER_ENV);
  project.provide('e2eServer', {
    adminUrl: server.adminUrl,
    origin: server.origin,
    adminUsername: server.adminUsername,
    adminPassword: server.adminPassword,
    dataDir: server.dataDir,
  });
  return () => server.stop();
}
