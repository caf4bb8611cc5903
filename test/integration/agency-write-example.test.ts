// docs/examples/agency-write.ts — the walkthrough "Writing as an agency system" of docs/api.md — run
// against a real server on a real port: as a module (fetch, multipart upload, client credentials)
// and as the documented command line (BASE_URL, CLIENT_ID, CLIENT_SECRET, PHOTO), so the docs and
// the code cannot drift apart.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/modules/accounts/service.js';
import * as content from '../../src/modules/content/service.js';
import { ApiProblem, followState, writeAsAgency, type Options } from '../../docs/examples/agency-write.js';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../helpers/app.js';
import { ALL_CHECKS, topicIds } from '../helpers/content.js';
import { jpeg } from '../helpers/media-files.js';
import { createMediaTestApp } from '../helpers/media.js';

let t: TestApp & { dataDir: string };
let base: string;
let agencyA: string;
let appraiser: SignedIn;

beforeAll(async () => {
  t = await createMediaTestApp();
  await topicIds(t);
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  appraiser = await signedIn(t, 'appraiser');
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

let adminToken: string | null = null;
/** Registered as the docs' curl does: POST /api/v1/api-clients with an administrator's personal token holding `admin`. */
async function register(scopes: string[]): Promise<Options> {
  if (!adminToken) {
    const admin = await signedIn(t, 'admin');
    const pat = await admin.client.post('/api/v1/tokens', { name: 'Kịch bản của Sở', scopes: ['read:public', 'read:shared', 'admin'], acceptTerms: true });
    expect(pat.statusCode, pat.body).toBe(201);
    adminToken = pat.json().secret as string;
  }
  const res = await fetch(`${base}/api/v1/api-clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Cổng thông tin Sở Du lịch', agencyId: agencyA, scopes, acceptTerms: true }),
  });
  const body = (await res.json()) as { client: { clientId: string; agencyId: string; scopes: string[] }; clientSecret: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  expect(body.client).toMatchObject({ agencyId: agencyA, scopes });
  return { baseUrl: base, clientId: body.client.clientId, clientSecret: body.clientSecret };
}

describe('docs/examples/agency-write.ts', () => {
  it('uploads and describes a photo, creates the item, translates it and submits both: nothing online until a DIC appraiser approves', async () => {
    const o = await register(['read:public', 'read:shared', 'write:own']);
    const r = await writeAsAgency({ ...o, photo: { bytes: await jpeg({ width: 64, height: 48, seed: 41 }), fileName: 'ngo-mon.jpg' } });
    expect(r.source).toMatchObject({ agencyId: agencyA, language: 'vi', state: 'submitted', online: false });
    expect(r.english).toMatchObject({ agencyId: agencyA, language: 'en', state: 'submitted', online: false });
    expect(r.mediaIds).toHaveLength(1);
    const stored = await content.getWorkingVersion(t.system, r.source.id);
    expect((stored.metadata as { media?: Array<{ mediaId: string }> }).media?.map((m) => m.mediaId)).toEqual(r.mediaIds);
    expect((await fetch(`${base}/api/v1/published/${r.itemId}/en`)).status).toBe(404);

    expect(await followState(o, r.english.id)).toEqual({ state: 'submitted', online: false, lastDecision: null });
    const back = await appraiser.client.post(`/api/v1/item-versions/${r.english.id}/transitions/return`, {
      comment: 'Please name the photographer in the body.',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await followState(o, r.english.id)).toEqual({
      state: 'returned',
      online: false,
      lastDecision: { decision: 'return', comment: 'Please name the photographer in the body.' },
    });

    const approved = await appraiser.client.post(`/api/v1/item-versions/${r.source.id}/transitions/approve`, { checklist: ALL_CHECKS });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await followState(o, r.source.id)).toMatchObject({ state: 'published', online: true, lastDecision: { decision: 'approve' } });
    const online = await fetch(`${base}/api/v1/published/${r.itemId}/vi`);
    expect(online.status).toBe(200);
    expect(((await online.json()) as { title: string }).title).toBe('Đêm Hoàng cung Huế mở cửa đón khách');
  });

  it('a client without write:own is refused with 403 scope_missing, and nothing is created', async () => {
    const o = await register(['read:public', 'read:shared']);
    const before = (await content.listWorkingVersions(t.system, { limit: 200 })).items.length;
    const err = await writeAsAgency(o).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiProblem);
    expect({ status: (err as ApiProblem).status, code: (err as ApiProblem).code }).toEqual({ status: 403, code: 'scope_missing' });
    expect((await content.listWorkingVersions(t.system, { limit: 200 })).items.length).toBe(before);
  });

  it('runs as the documented command line', async () => {
    const o = await register(['read:public', 'read:shared', 'write:own']);
    const photo = join(t.dataDir, 'dai-noi.jpg');
    writeFileSync(photo, await jpeg({ width: 64, height: 48, seed: 42 }));
    const env = { ...process.env, BASE_URL: `${base}/`, CLIENT_ID: o.clientId, CLIENT_SECRET: o.clientSecret, PHOTO: photo };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'docs/examples/agency-write.ts'], { env, timeout: 30_000 });
    const [summary, vi, en] = stdout.trim().split('\n');
    const out = JSON.parse(summary) as { itemId: string; versions: Array<{ language: string; state: string; online: boolean }> };
    expect(out.versions).toEqual([
      expect.objectContaining({ language: 'vi', state: 'submitted', online: false }),
      expect.objectContaining({ language: 'en', state: 'submitted', online: false }),
    ]);
    expect(vi).toBe('vi {"state":"submitted","online":false,"lastDecision":null}');
    expect(en).toBe('en {"state":"submitted","online":false,"lastDecision":null}');
    const client = (await accounts.listApiClients(t.system, {})).find((c) => c.clientId === o.clientId)!;
    expect(client.lastUsedAt).not.toBeNull();
    // Without credentials it says what to set.
    const missing = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'docs/examples/agency-write.ts'], {
      env: { PATH: process.env.PATH },
      timeout: 30_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('Set BASE_URL, CLIENT_ID and CLIENT_SECRET') });
  });
});
