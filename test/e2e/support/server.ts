// Starts the real server (`src/main.ts serve`) as a child process on a free port with a fresh
// data directory, and reads what it prints on first start: the admin app URL and the first
// administrator's one-time password.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess } from '../../helpers/processes.js';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface TestServer {
  /** The "Admin app:" URL as printed. */
  adminUrl: string;
  origin: string;
  adminUsername: string;
  adminPassword: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ttdn-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extraEnv };
  delete env.DATABASE_URL; // always the embedded database in its own directory
  delete env.PUBLIC_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString('utf8')));

  const stop = async () => {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const found = await new Promise<{ adminUrl: string; username: string; password: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within 150 s:\n${out}`)), 150_000);
      const check = () => {
        const url = /Admin app:\s+(\S+)/.exec(out);
        const user = /user name:\s+(\S+)/.exec(out);
        const pass = /password:\s+(\S+)/.exec(out);
        if (url && user && pass) {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolve({ adminUrl: url[1], username: user[1], password: pass[1] });
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
      });
    });
    return {
      adminUrl: found.adminUrl,
      origin: new URL(found.adminUrl).origin,
      adminUsername: found.username,
      adminPassword: found.password,
      dataDir,
      output: () => out,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The demo accounts' one-time passwords (username → password), from the file the first start writes. */
export function demoPasswords(server: Pick<TestServer, 'dataDir'>): Map<string, string> {
  return new Map(
    readFileSync(join(server.dataDir, 'demo-accounts.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .map(([username, , password]) => [username, password] as [string, string]),
  );
}
