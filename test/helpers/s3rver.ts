// A real S3-compatible server for the tests: s3rver, in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

// s3rver builds ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) only offers
// through its legacy provider: run it in a child process that has that provider, so paging works.
const LAUNCH_S3RVER = `
const S3rver = require(process.argv[1]);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory: process.argv[2], silent: true });
server.run().then(({ port }) => console.log(JSON.stringify({ port })));
process.stdin.on('end', () => server.close().then(() => process.exit(0)));
process.stdin.resume();
`;

export async function startS3rver(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const entry = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', LAUNCH_S3RVER, entry, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`s3rver exited with ${code} before listening`);
  });
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout! }), 'line'), exited])) as [string];
  exited.catch(() => {}); // it exits at the end of the run, as asked
  return { child, port: JSON.parse(line).port };
}

/** Stops a server started by startS3rver. */
export async function stopS3rver(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) {
    child.stdin?.end(); // the child exits when its standard input closes
    await once(child, 'exit');
  }
}
