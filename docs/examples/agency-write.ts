// Writing as an agency system (docs/api.md, "Writing as an agency system"): take a token with the
// client's credentials, upload a photo and describe it, create a news item that shows it, add an
// English translation, submit both for appraisal, then follow their state.
//
//   BASE_URL=http://127.0.0.1:3000 CLIENT_ID=ttdn_… CLIENT_SECRET=ttdn_cs_… PHOTO=ngo-mon.jpg \
//     npx tsx docs/examples/agency-write.ts
//
// Node 20+ (fetch, FormData, Blob); no dependencies. test/integration/agency-write-example.test.ts
// runs it against a real server.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Options {
  baseUrl: string; // e.g. https://ttdn.hue.gov.vn (no trailing slash)
  clientId: string;
  clientSecret: string;
  /** a JPEG/PNG to show in the item (optional) */
  photo?: { bytes: Uint8Array; fileName: string };
}

/** A refusal from the API: RFC 9457 problem details. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errors: Array<{ field: string; code: string; message: string }>,
    readonly requestId: string,
  ) {
    super(`${status} ${code}${errors.length ? `: ${errors.map((e) => `${e.field} ${e.code}`).join(', ')}` : ''} (request ${requestId})`);
  }
}

interface WorkingVersion {
  id: string;
  itemId: string;
  agencyId: string;
  language: string;
  state: string; // draft | submitted | returned | approved | published | unpublished | archived
  online: boolean;
  revision: { id: string; number: number };
  text: { title: string; summary: string; body: string };
  appraisals: Array<{ decision: string; comment: string; createdAt: string }>;
  allowedTransitions: string[];
}

export function client(o: Options) {
  let token: string | null = null;
  let expiresAt = 0;

  /** OAuth 2.0 client credentials (RFC 6749 §4.4): a bearer token for an hour. */
  async function accessToken(): Promise<string> {
    if (token && Date.now() < expiresAt - 60_000) return token;
    const res = await fetch(`${o.baseUrl}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }), // every scope the client was granted
    });
    if (!res.ok) throw await problem(res);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    token = body.access_token;
    expiresAt = Date.now() + body.expires_in * 1000;
    return token;
  }

  async function problem(res: Response): Promise<ApiProblem> {
    const p = (await res.json().catch(() => ({}))) as { code?: string; errors?: ApiProblem['errors']; instance?: string };
    return new ApiProblem(res.status, p.code ?? 'unknown', p.errors ?? [], p.instance ?? '');
  }

  /** One API call; JSON in and out, a refusal thrown as ApiProblem. */
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${await accessToken()}`, 'accept-language': 'en' };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body; // fetch sets the multipart boundary
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${o.baseUrl}/api/v1${path}`, { method, headers, body: payload });
    if (!res.ok) throw await problem(res);
    return (await res.json()) as T;
  }

  return { call, accessToken };
}

/** The whole journey; returns the two language versions, submitted. */
export async function writeAsAgency(o: Options) {
  const { call } = client(o);

  // 1. A topic of the taxonomy (the DIC maintains it): items need at least one.
  const topics = await call<{ items: Array<{ id: string; slug: string }> }>('GET', '/topics');
  const topicId = (topics.items.find((t) => t.slug === 'du-lich-di-san-le-hoi') ?? topics.items[0]).id;

  // 2. The photo: upload it to the agency's library, then describe it. An image needs alt text in
  //    each language it is published in, authors, a copyright holder, a licence, and a visibility
  //    at least as wide as the item's.
  const media: Array<{ mediaId: string; caption: Record<string, string> }> = [];
  if (o.photo) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(o.photo.bytes)]), o.photo.fileName);
    const uploaded = await call<{ id: string; version: number; duplicate?: boolean }>('POST', '/media', form);
    await call('PATCH', `/media/${uploaded.id}`, {
      version: uploaded.version,
      alt: { vi: 'Ngọ Môn, Đại Nội Huế, về đêm', en: 'The Noon Gate of the Hue Imperial City at night' },
      authors: ['Trần Minh'],
      copyrightHolder: 'Sở Du lịch Thừa Thiên Huế',
      licence: 'CC-BY-4.0',
      visibility: 'public',
    });
    media.push({ mediaId: uploaded.id, caption: { vi: 'Ngọ Môn về đêm', en: 'The Noon Gate at night' } });
  }

  // 3. The item: a draft in the source language (Vietnamese), in the client's own agency.
  //    Required to create: kind, text (title, summary, body), metadata. Required to submit:
  //    activityDate, authors, topicIds, tags, place, source, copyrightHolder, licence, visibility.
  const source = await call<WorkingVersion>('POST', '/items', {
    kind: 'news',
    text: {
      title: 'Đêm Hoàng cung Huế mở cửa đón khách',
      summary: 'Đại Nội Huế mở cửa về đêm với chương trình nghệ thuật cung đình.',
      body: '<p>Từ tháng 4, du khách có thể tham quan Đại Nội vào buổi tối.</p>',
    },
    metadata: {
      activityDate: '2026-04-01',
      authors: ['Trần Minh'],
      topicIds: [topicId],
      tags: ['Đại Nội', 'du lịch đêm'],
      place: 'Đại Nội, thành phố Huế',
      source: { type: 'own' },
      copyrightHolder: 'Sở Du lịch Thừa Thiên Huế',
      licence: 'CC-BY-4.0',
      visibility: 'public',
      media,
    },
  });

  // 4. The English translation: text only; metadata is the source's.
  const english = await call<WorkingVersion>('POST', `/items/${source.itemId}/translations`, {
    language: 'en',
    text: {
      title: 'Hue Imperial City opens at night',
      summary: 'The Imperial City of Hue opens in the evening with royal court performances.',
      body: '<p>From April, visitors can tour the Imperial City in the evening.</p>',
    },
  });

  // 5. Submit both for appraisal, declaring that they hold no state secrets (Art. 4.6). Only a DIC
  //    appraiser approves and publishes; until then nothing is online.
  const submitted: WorkingVersion[] = [];
  for (const v of [source, english]) {
    submitted.push(await call<WorkingVersion>('POST', `/item-versions/${v.id}/transitions/submit`, { declaration: { noStateSecrets: true } }));
  }
  return { itemId: source.itemId, source: submitted[0], english: submitted[1], mediaIds: media.map((m) => m.mediaId) };
}

/** Where a version stands: its state, whether it is online, and the appraiser's last word. */
export async function followState(o: Options, versionId: string) {
  const v = await client(o).call<WorkingVersion>('GET', `/item-versions/${versionId}`);
  const last = v.appraisals.at(-1);
  return { state: v.state, online: v.online, lastDecision: last ? { decision: last.decision, comment: last.comment } : null };
}

async function main() {
  const env = process.env;
  if (!env.BASE_URL || !env.CLIENT_ID || !env.CLIENT_SECRET) {
    console.error('Set BASE_URL, CLIENT_ID and CLIENT_SECRET (and PHOTO=path/to/photo.jpg to attach one).');
    process.exit(2);
  }
  const o: Options = { baseUrl: env.BASE_URL.replace(/\/$/, ''), clientId: env.CLIENT_ID, clientSecret: env.CLIENT_SECRET };
  if (env.PHOTO) o.photo = { bytes: await readFile(env.PHOTO), fileName: basename(env.PHOTO) };
  try {
    const r = await writeAsAgency(o);
    console.log(JSON.stringify({ itemId: r.itemId, versions: [r.source, r.english].map((v) => ({ id: v.id, language: v.language, state: v.state, online: v.online })) }));
    for (const v of [r.source, r.english]) console.log(v.language, JSON.stringify(await followState(o, v.id)));
  } catch (e) {
    // e.g. 403 scope_missing (the client lacks write:own), 400 invalid with one error per field
    console.error(e instanceof ApiProblem ? `refused: ${e.message}` : e);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
