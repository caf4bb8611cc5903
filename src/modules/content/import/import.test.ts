// Bulk import: good and bad rows, each bad row reported and nothing of it stored, a truncated
// file refused whole, XLSX and JSON, submit mode, and a 2,000-row file (50,000 rows: `BENCH_ONLY=import npm run bench`).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { topicIds } from '../../../../test/helpers/content.js';
import { sql } from 'drizzle-orm';
import { autovacuumRuns } from '../../../db/statistics.js';
import { rowsOf } from '../../../db/transaction.js';

let t: TestApp;
let contributor: SignedIn;
let other: SignedIn;
let agency: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test' });
  await topicIds(t);
  agency = await fixtureAgency(t, { slug: 'so-du-lich' });
  await fixtureAgency(t, { slug: 'so-tai-chinh' });
  contributor = await signedIn(t, 'contributor', { agencyId: agency });
  other = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-ngoai-vu' }) });
});
afterAll(() => t.close());

const HEADER =
  'kind,agency,title,summary,body,activity_date,authors,topics,tags,place,source_type,copyright_holder,licence,visibility,title_en,summary_en,body_en';
const good = (n: number) =>
  `news,so-du-lich,Tin số ${n} về Huế,Tóm tắt ${n},"Đoạn một, có dấu phẩy.\n\nĐoạn hai.",2026-05-0${(n % 9) + 1},Nguyễn Văn An; Lê Thị Hoa,du-lich-di-san-le-hoi,du lịch; Huế,Thành phố Huế,own,Sở Du lịch,CC-BY-4.0,public,News ${n} about Hue,Summary ${n},Paragraph.`;

async function upload(c: SignedIn, body: string | Buffer, query: string, type = 'text/csv') {
  return c.client.request('POST', `/api/v1/imports?${query}`, body, { 'content-type': type });
}

/** The import's status once it is no longer running (polled: the import runs after the 202). */
function waitDone(c: SignedIn, id: string) {
  return vi.waitFor(
    async () => {
      const s = (await c.client.get(`/api/v1/imports/${id}`)).json();
      expect(s.status, 'import did not finish').not.toBe('running');
      return s;
    },
    { timeout: 60_000, interval: 50 },
  );
}

async function countVersions(c: SignedIn) {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page: { items: unknown[]; nextCursor: string | null } = (await c.client.get(`/api/v1/items?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

describe('bulk import', () => {
  it('imports the good rows as drafts and reports each bad row with its reasons', async () => {
    const before = await countVersions(contributor);
    const csv = [
      HEADER,
      good(1),
      'essay,so-du-lich,Loại sai,x,y,2026-05-01,A,du-lich-di-san-le-hoi,t,p,own,c,CC-BY-4.0,public,,,',
      good(2),
      'news,so-du-lich,Ngày sai,x,y,2026-13-45,A,no-such-topic,t,p,own,c,CC-BY-9,public,,,',
      'news,so-du-lich,Tài liệu,x,"TUYỆT MẬT\n\nNội dung",2026-05-01,A,du-lich-di-san-le-hoi,t,p,own,c,CC-BY-4.0,public,,,',
      'news,so-tai-chinh,Của cơ quan khác,x,y,2026-05-01,A,du-lich-di-san-le-hoi,t,p,own,c,CC-BY-4.0,public,,,',
      good(3),
    ].join('\n');
    const res = await upload(contributor, csv, 'mode=draft&fileName=tin.csv');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().total).toBe(7);
    const done = await waitDone(contributor, res.json().id);
    expect(done).toMatchObject({ status: 'done', total: 7, processed: 7, imported: 3, rejected: 4 });
    const byRow = Object.fromEntries(
      done.report.map((r: { row: number; errors: Array<{ field: string; code: string }> }) => [r.row, r.errors.map((e) => `${e.field}:${e.code}`)]),
    );
    expect(byRow[3]).toEqual(['kind:field_enum']);
    expect(byRow[5]).toEqual(expect.arrayContaining(['activity_date:field_format', 'topics:topic_not_found', 'licence:field_enum']));
    expect(byRow[6]).toEqual(['text/body:state_secret_mark']);
    expect(byRow[7]).toEqual(['agency:forbidden']);
    // 3 items × (vi + en)
    expect(await countVersions(contributor)).toBe(before + 6);
    const list = (await contributor.client.get('/api/v1/items?q=tin+so+2')).json().items;
    const vi = list.find((r: { language: string }) => r.language === 'vi');
    const full = (await contributor.client.get(`/api/v1/item-versions/${vi.id}`)).json();
    expect(full.state).toBe('draft');
    expect(full.text.body).toBe('<p>Đoạn một, có dấu phẩy.</p><p>Đoạn hai.</p>');
    expect(full.metadata.authors).toEqual(['Nguyễn Văn An', 'Lê Thị Hoa']);
    expect(full.versions.map((v: { language: string }) => v.language).sort()).toEqual(['en', 'vi']);
  });

  it('refuses a truncated or malformed file as a whole, storing nothing', async () => {
    const before = await countVersions(contributor);
    const truncated = `${HEADER}\n${good(4)}\n${good(5).slice(0, 40)}"unterminated`;
    const res = await upload(contributor, truncated, 'mode=draft');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '(file)', code: 'import_file_invalid' });
    const xlsx = await upload(
      contributor,
      Buffer.from('PK\u0003\u0004 not really a zip'),
      'fileName=x.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.statusCode).toBe(400);
    expect((await upload(contributor, Buffer.from([0xc3, 0x28, 0x0a]), 'mode=draft')).json().errors[0].code).toBe('import_file_invalid');
    expect((await upload(contributor, HEADER + '\n', 'mode=draft')).json().errors[0].code).toBe('import_file_invalid');
    expect(await countVersions(contributor)).toBe(before);
  });

  it('reads XLSX and JSON, and submits complete rows when asked (with the declaration)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('items');
    const cols = HEADER.split(',');
    ws.addRow(cols);
    ws.addRow([
      'news',
      'so-du-lich',
      'Tin từ Excel',
      'Tóm tắt',
      'Nội dung',
      new Date('2026-07-01T00:00:00Z'),
      'A',
      'du-lich-di-san-le-hoi',
      'x',
      'Huế',
      'own',
      'Sở Du lịch',
      'CC-BY-4.0',
      'public',
    ]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await upload(
      contributor,
      buf,
      'mode=submit&declaration=true&fileName=tin.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(x.statusCode, x.body).toBe(202);
    expect(await waitDone(contributor, x.json().id)).toMatchObject({ status: 'done', imported: 1, rejected: 0 });
    const row = (await contributor.client.get('/api/v1/items?q=tin+tu+excel')).json().items[0];
    expect(row).toMatchObject({ state: 'submitted', activityDate: '2026-07-01' });

    expect((await upload(contributor, buf, 'mode=submit', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json().errors[0].field).toBe(
      'declaration',
    );
    const json = [
      {
        kind: 'news',
        title: 'Tin JSON',
        summary: 's',
        body: '<p>b</p>',
        activity_date: '2026-01-02',
        authors: ['A'],
        topics: ['tong-quan'],
        tags: ['x'],
        place: 'Huế',
        source_type: 'own',
        copyright_holder: 'c',
        licence: 'CC0-1.0',
        visibility: 'public',
      },
      { kind: 'news', title: 'Thiếu thông tin' },
    ];
    const j = await contributor.client.request('POST', `/api/v1/imports?mode=submit&declaration=true&agencyId=${agency}`, json, {
      'content-type': 'application/json',
    });
    const jd = await waitDone(contributor, j.json().id);
    expect(jd).toMatchObject({ imported: 1, rejected: 1 });
    expect(jd.report[0].errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['text/summary', 'metadata/place']));
  });

  it('shows an import only to its author and the DIC', async () => {
    const res = await upload(contributor, `${HEADER}\n${good(9)}`, 'mode=draft');
    await waitDone(contributor, res.json().id);
    expect((await other.client.get(`/api/v1/imports/${res.json().id}`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/imports')).json().items).toHaveLength(0);
    const appraiser = await signedIn(t, 'appraiser');
    expect((await appraiser.client.get(`/api/v1/imports/${res.json().id}`)).statusCode).toBe(200);
  });

  it('serves the template', async () => {
    const res = await t.app.inject({ url: '/api/v1/imports/template.csv' });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\n')[0]).toContain('kind,language,agency,title');
  });

  it('imports a 2,000-row file (several batches)', async () => {
    const rows = [HEADER.split(',').slice(0, 14).join(',')];
    for (let i = 0; i < 2_000; i++)
      rows.push(
        `news,so-du-lich,Tin hàng loạt ${i},Tóm tắt ${i},Nội dung số ${i} về thành phố Huế,2026-02-03,Nhóm biên tập,du-lich-di-san-le-hoi,nhập; hàng loạt,Huế,own,Sở Du lịch,CC-BY-4.0,public`,
      );
    const res = await upload(contributor, rows.join('\n'), 'mode=draft&fileName=2k.csv');
    expect(res.statusCode, res.body).toBe(202);
    const done = await waitDone(contributor, res.json().id);
    expect(done).toMatchObject({ status: 'done', total: 2_000, imported: 2_000, rejected: 0 });
    const found = (await contributor.client.get('/api/v1/search?view=working&q=%22hang+loat+1999%22')).json();
    expect(found.items.map((i: { title: string }) => i.title)).toContain('Tin hàng loạt 1999');
    // the planner knows of the new rows when the import says done (PGlite has no autovacuum)
    if (!(await autovacuumRuns(t.db.handle.db))) {
      const [stats] = rowsOf<{ tuples: number }>(
        await t.db.handle.db.execute(sql`SELECT reltuples::int AS tuples FROM pg_class WHERE relname = 'item_versions'`),
      );
      expect(stats.tuples).toBeGreaterThanOrEqual(2_000);
    }
  });
});
