// What the app logs per request at info: one line for a write, a refusal or an error; nothing for a
// successful read (the portal's pages and the API's public reads), which logs at debug.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';

let db: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
const lines: Array<Record<string, unknown>> = [];
const warnings: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
  const config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: '/tmp/ttdn-test-unused' });
  app = await buildApp({ config, database: db.handle, logger: { level: 'info', stream } });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const requestLines = () => lines.filter((l) => l.msg === 'request' || l.msg === 'incoming request' || l.msg === 'request completed');

describe('access log', () => {
  it('a successful read writes nothing at info; a second, cached read neither', async () => {
    lines.length = 0;
    expect((await app.inject({ url: '/vi/' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/vi/' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/published' })).statusCode).toBe(200);
    expect(requestLines()).toEqual([]);
  });

  it('a refusal and a write write one line each, with the request id, method, address, status and time', async () => {
    lines.length = 0;
    await app.inject({ url: '/api/v1/item-versions/00000000-0000-4000-8000-000000000000/published', headers: { 'x-request-id': 'abcd-1234-read' } });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'nobody', password: 'wrong password here' },
      headers: { 'x-request-id': 'abcd-1234-write' },
    });
    const logged = requestLines();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      level: 30,
      reqId: 'abcd-1234-read',
      method: 'GET',
      statusCode: 404,
      url: '/api/v1/item-versions/00000000-0000-4000-8000-000000000000/published',
    });
    expect(logged[1]).toMatchObject({ level: 30, reqId: 'abcd-1234-write', method: 'POST', url: '/api/v1/auth/sign-in' });
    expect(logged[1].statusCode).toBeGreaterThanOrEqual(400);
    expect(typeof logged[1].ms).toBe('number');
    // the credentials never reach the log
    expect(JSON.stringify(lines)).not.toContain('wrong password here');
  });

  it('is configured the way Fastify keeps supporting (no deprecation warning: the CLI prints warnings)', () => {
    expect(warnings.filter((w) => w.startsWith('FastifyDeprecation'))).toEqual([]);
  });
});
