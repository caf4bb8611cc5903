// The served OpenAPI document is the contract: it is 3.1, every operation is described, and
// live responses (successes and problems) validate against it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, signedIn, type SignedIn, type TestApp } from '../helpers/app.js';
import { jpeg, pdf } from '../helpers/media-files.js';
import { upload } from '../helpers/media.js';

let t: TestApp;
let admin: SignedIn;
let doc: { openapi: string; paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>> };
let ajv: Ajv2020;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test', DATA_DIR: mkdtempSync(join(tmpdir(), 'ttdn-openapi-')) });
  admin = await signedIn(t, 'admin');
  const res = await t.app.inject({ url: '/api/v1/openapi.json' });
  doc = res.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'openapi');
});
afterAll(() => t.close());

function validate(path: string, method: string, status: number, body: unknown) {
  const pointer = `openapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/${status >= 400 ? 'application~1problem+json' : 'application~1json'}/schema`;
  const v = ajv.getSchema(pointer);
  if (!v) throw new Error(`no schema at ${pointer}`);
  const ok = v(body);
  if (!ok) throw new Error(`${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(v.errors)}`);
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and every operation has a summary, a success response and its error responses', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/'))
      .flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ p, m, op })));
    expect(ops.length).toBeGreaterThan(30);
    for (const { p, m, op } of ops) {
      expect(op.summary, `${m} ${p}`).toBeTruthy();
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('2')),
        `${m} ${p}`,
      ).toBe(true);
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('4')),
        `${m} ${p}`,
      ).toBe(true);
    }
  });

  it('live responses validate against the document', async () => {
    const checks: Array<[string, string, string, unknown?]> = [
      ['get', '/api/v1/agencies', '/api/v1/agencies'],
      ['get', '/api/v1/users', '/api/v1/users'],
      ['get', '/api/v1/auth/session', '/api/v1/auth/session'],
      ['get', '/api/v1/sessions', '/api/v1/sessions'],
      ['get', '/api/v1/audit-events', '/api/v1/audit-events'],
      ['get', '/api/v1/api-clients', '/api/v1/api-clients'],
      ['get', '/api/v1/tokens', '/api/v1/tokens'],
    ];
    for (const [m, path, url] of checks) {
      const res = await admin.client.get(url);
      expect(res.statusCode, url).toBe(200);
      validate(path, m, 200, res.json());
    }
    const agency = await admin.client.post('/api/v1/agencies', {
      slug: 'dai-hoc-hue',
      nameVi: 'Đại học Huế',
      nameEn: 'Hue University',
      type: 'central_agency',
    });
    validate('/api/v1/agencies', 'post', 201, agency.json());
    const user = await admin.client.post('/api/v1/users', {
      agencyId: agency.json().id,
      email: 'dhh@example.test',
      username: 'dai-hoc-hue',
      displayName: 'Đại học Huế',
      role: 'contributor',
    });
    validate('/api/v1/users', 'post', 201, user.json());
    const bad = await admin.client.post('/api/v1/users', { agencyId: 'nope' });
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    validate('/api/v1/users', 'post', 400, bad.json());
  });

  it('media responses validate against the document', async () => {
    const c = await signedIn(t, 'contributor');
    const created = await upload(c.client, await jpeg({ exif: true }), 'ngo-mon.jpg');
    validate('/api/v1/media', 'post', 201, created.json());
    const again = await upload(c.client, await jpeg({ exif: true }), 'ngo-mon.jpg');
    validate('/api/v1/media', 'post', 200, again.json());
    const refused = await upload(c.client, pdf().subarray(0, 100), 'x.pdf');
    validate('/api/v1/media', 'post', 400, refused.json());
    const id = created.json().id;
    const checks: Array<[string, string]> = [
      ['/api/v1/media', '/api/v1/media'],
      ['/api/v1/media/{id}', `/api/v1/media/${id}`],
      ['/api/v1/media/{id}/usage', `/api/v1/media/${id}/usage`],
      ['/api/v1/media/{id}/downloads', `/api/v1/media/${id}/downloads`],
      ['/api/v1/media-usage/{id}', `/api/v1/media-usage/${c.user.agencyId}`],
    ];
    for (const [path, url] of checks) {
      const res = await c.client.get(url);
      expect(res.statusCode, url).toBe(200);
      validate(path, 'get', 200, res.json());
    }
    const patched = await c.client.patch(`/api/v1/media/${id}`, {
      version: created.json().version,
      alt: { vi: 'Ngọ Môn', en: 'Noon Gate' },
      focalPoint: { x: 0.3, y: 0.6 },
    });
    validate('/api/v1/media/{id}', 'patch', 200, patched.json());
    const missing = await c.client.get('/api/v1/media/00000000-0000-4000-8000-000000000000');
    validate('/api/v1/media/{id}', 'get', 404, missing.json());
  });
});
