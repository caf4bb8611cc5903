// The national export (R5.5): the full export equals what GET /api/v1/published gives the public
// (same versions, same hashes, recomputable from the exported text); the incremental one carries
// the upserts and tombstones since a cursor; shared and internal content never appears; the CLI
// command writes a file that parses, header first.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, type TestApp } from '../../../../test/helpers/app.js';
import { runCli } from '../../../../test/helpers/cli.js';
import { topicIds } from '../../../../test/helpers/content.js';
import { createTestDatabase, migratedDataDir, type TestDatabase } from '../../../../test/helpers/database.js';
import { readPublished, recomputeHash, workflow } from '../../../../test/helpers/published.js';
import * as content from '../service.js';

type Line = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
let flow: ReturnType<typeof workflow>;
let agency: string;
const ids: Record<string, { itemId: string; versionId: string }> = {};
let translationId: string;

async function collect(run: (write: content.ExportLine) => Promise<content.ExportHeader>): Promise<{ head: content.ExportHeader; lines: Line[] }> {
  const lines: Line[] = [];
  const head = await run(async (l) => {
    lines.push(JSON.parse(JSON.stringify(l)));
  });
  return { head, lines };
}

const hashOf = (l: Line) =>
  recomputeHash({
    itemId: l.itemId,
    language: l.language,
    kind: l.kind,
    agencyId: l.agencyId,
    title: l.text.title,
    summary: l.text.summary,
    body: l.text.body,
    metadata: l.metadata,
  });

beforeAll(async () => {
  t = await createTestApp();
  flow = workflow(t, (await topicIds(t))['du-lich-di-san-le-hoi']);
  agency = await fixtureAgency(t, { slug: 'so-du-lich' });
  ids.a = await flow.create(agency, { title: 'Festival Huế công khai' });
  ids.b = await flow.create(agency, { title: 'Đại Nội công khai' });
  translationId = await flow.translate(ids.b.itemId, 'en', 'Imperial City, public');
  ids.shared = await flow.create(agency, { title: 'Chia sẻ nội bộ ngành', visibility: 'shared' });
  ids.internal = await flow.create(agency, { title: 'Nội bộ cơ quan', visibility: 'internal' });
  ids.draft = await flow.create(agency, { title: 'Bản nháp' }, { draft: true });
});
afterAll(() => t.close());

describe('national export', () => {
  let cursor: string;

  it('full: every public published version, with the hash GET /api/v1/published gives and a consumer recomputes', async () => {
    const { head, lines } = await collect((w) => content.exportNationalFull(t.system, w));
    const api = await readPublished(new Client(t), { fields: 'id,contentHash,title,body' });
    expect(head).toMatchObject({ type: 'header', format: 'ttdn-national-export', version: '1.0', mode: 'full', audience: 'public', since: null });
    expect(head.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    expect(head.counts).toEqual({ upserts: lines.length, tombstones: 0, media: 0 });
    expect(lines.map((l) => l.id).sort()).toEqual(api.map((p) => p.id).sort());
    expect(lines.length).toBe(3); // a, b, b's translation
    const byId = new Map(api.map((p) => [p.id as string, p]));
    for (const l of lines) {
      expect(l.type).toBe('upsert');
      expect(l.contentHash).toMatchObject({ algorithm: 'sha256', value: byId.get(l.id)!.contentHash, canonicalForm: 'ttdn-published-form/1' });
      expect(hashOf(l)).toBe(l.contentHash.value);
      expect(l.text.title).toBe(byId.get(l.id)!.title);
      expect(l.text.body).toBe(byId.get(l.id)!.body);
      expect(l.dc['dc:title']).toMatchObject({ '@value': l.text.title, '@language': l.language });
      expect(l.dc['dc:language']).toBe(l.language);
      expect(l.dc['dc:identifier']).toContain(`urn:sha256:${l.contentHash.value}`);
      expect(l.visibility).toBeUndefined();
    }
    expect(lines.find((l) => l.id === translationId)?.dc['dc:title']).toMatchObject({ '@value': 'Imperial City, public', '@language': 'en' });
    const text = JSON.stringify(lines);
    for (const k of ['shared', 'internal', 'draft']) expect(text).not.toContain(ids[k].itemId);
    cursor = head.cursor;
  });

  it('incremental: the upsert of a new publication and the tombstone of an unpublication; nothing non-public', async () => {
    const fresh = await flow.create(agency, { title: 'Tin mới công khai' });
    await flow.unpublish(ids.a.versionId);
    await flow.revise(ids.shared.versionId, { title: 'Chia sẻ, sửa' });
    await flow.create(agency, { title: 'Nội bộ mới', visibility: 'internal' });
    const { head, lines } = await collect((w) => content.exportNationalSince(t.system, cursor, w));
    expect(head).toMatchObject({ mode: 'incremental', since: cursor, counts: { upserts: 1, tombstones: 1, media: 0 } });
    expect(lines.map((l) => [l.type, l.event, l.id])).toEqual([
      ['upsert', 'published', fresh.versionId],
      ['tombstone', 'unpublished', ids.a.versionId],
    ]);
    expect(hashOf(lines[0])).toBe(lines[0].contentHash.value);
    expect(lines[1].at).toMatch(/\+07:00$/);
    // a widened visibility is a publication for the public; a narrowed one is a tombstone
    await flow.revise(ids.shared.versionId, { visibility: 'public' });
    await flow.revise(ids.b.versionId, { visibility: 'internal' });
    const next = await collect((w) => content.exportNationalSince(t.system, head.cursor, w));
    const events = next.lines.map((l) => [l.type, l.event, l.id]);
    expect(events).toContainEqual(['upsert', 'published', ids.shared.versionId]);
    expect(events).toContainEqual(['tombstone', 'unpublished', ids.b.versionId]);
    expect(events).toContainEqual(['tombstone', 'unpublished', translationId]); // b's metadata now makes the translation internal too
    // and from the last cursor: nothing
    const none = await collect((w) => content.exportNationalSince(t.system, next.head.cursor, w));
    expect(none.lines).toEqual([]);
    expect(none.head.cursor).toBe(next.head.cursor);
  });

  it('an invalid cursor is refused', async () => {
    await expect(content.exportNationalSince(t.system, 'not-a-cursor!', async () => undefined)).rejects.toThrow();
  });
});

describe('ttdn export national (CLI)', () => {
  let dataDir: string;
  let pgDb: TestDatabase | null = null;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ttdn-export-'));
    env = { DATA_DIR: dataDir };
    if (process.env.TEST_DATABASE_URL) {
      pgDb = await createTestDatabase();
      env.DATABASE_URL = pgDb.url!;
    } else await migratedDataDir(dataDir);
    const seeded = await runCli(['seed'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
  });
  afterAll(async () => {
    await pgDb?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a full export whose header counts its lines, prints the cursor, and an incremental one from it', async () => {
    const out = join(dataDir, 'full.jsonl');
    const full = await runCli(['export', 'national', '--full', '--out', out], env);
    expect(full.code, full.stderr).toBe(0);
    const cursor = full.stdout.trim();
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const [head, ...items] = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    expect(head).toMatchObject({ type: 'header', format: 'ttdn-national-export', mode: 'full', cursor });
    expect(items.length).toBe(head.counts.upserts);
    expect(items.length).toBeGreaterThan(0); // the demo data publishes public items
    for (const l of items) expect(hashOf(l)).toBe(l.contentHash.value);
    expect(items.every((l) => l.dc['dc:publisher'])).toBe(true);

    const incOut = join(dataDir, 'since.jsonl');
    const inc = await runCli(['export', 'national', '--since', cursor, '--out', incOut], env);
    expect(inc.code, inc.stderr).toBe(0);
    const lines = readFileSync(incOut, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ mode: 'incremental', since: cursor, cursor, counts: { upserts: 0, tombstones: 0 } });
  });

  it('refuses a missing or doubled mode', async () => {
    expect((await runCli(['export', 'national', '--out', join(dataDir, 'x')], env)).code).toBe(2);
    expect((await runCli(['export', 'national', '--full', '--since', 'c2VxOjA', '--out', join(dataDir, 'x')], env)).code).toBe(2);
  });
});
