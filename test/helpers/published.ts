// Fixtures for the open API's published reads and changes stream: content moved through the
// workflow by the use cases (as the system actor: fast, every rule applied), a consumer of the
// changes stream, and validation of responses against the served OpenAPI document.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import * as accounts from '../../src/modules/accounts/service.js';
import * as content from '../../src/modules/content/service.js';
import { Client, type TestApp } from './app.js';
import { ALL_CHECKS, completeItem, DECLARE } from './content.js';

type Over = Parameters<typeof completeItem>[1];

/** Moves content through the workflow as the system actor (submit + approve publishes at once). */
export function workflow(t: TestApp, topic: string) {
  const sys = () => t.system;
  const approve = async (versionId: string) => {
    await content.submitForAppraisal(sys(), versionId, DECLARE);
    return content.approve(sys(), versionId, { checklist: ALL_CHECKS });
  };
  return {
    /** A new item in Vietnamese, submitted and approved (published unless `draft`). */
    async create(agencyId: string, over: Over = {}, opts: { draft?: boolean } = {}) {
      const v = await content.createItem(sys(), { ...completeItem(topic, over), agencyId } as Parameters<typeof content.createItem>[1]);
      if (!opts.draft) await approve(v.id);
      return { itemId: v.itemId, versionId: v.id };
    },
    /** A translation, submitted and approved (online when its source is). */
    async translate(itemId: string, language: string, title = `Translated ${language}`) {
      const v = await content.addTranslation(sys(), itemId, { language, text: { title, summary: `Summary ${language}`, body: `<p>Body ${language}</p>` } });
      await approve(v.id);
      return v.id;
    },
    /** A new revision (text, and the visibility on a source) approved: online at once. */
    async revise(versionId: string, patch: { title?: string; visibility?: string } = {}) {
      const w = await content.getWorkingVersion(sys(), versionId);
      const metadata = w.version.isSource && patch.visibility ? { ...w.metadata, visibility: patch.visibility } : undefined;
      await content.saveVersion(sys(), versionId, {
        baseRevisionId: w.revision.id,
        text: { ...w.text, title: patch.title ?? `${w.text.title} (sửa)` },
        ...(metadata ? { metadata: metadata as never } : {}),
      });
      return approve(versionId);
    },
    approve,
    unpublish: (versionId: string) => content.unpublish(sys(), versionId),
    publish: (versionId: string) => content.publish(sys(), versionId),
    archive: (versionId: string) => content.archive(sys(), versionId),
  };
}

/** A bearer client of an OAuth client with these scopes (client credentials, as a system integrates). */
export async function oauthClient(t: TestApp, agencyId: string, scopes: Array<'read:public' | 'read:shared' | 'write:own'>): Promise<Client> {
  const { client, clientSecret } = await accounts.createApiClient(t.system, { name: `Hệ thống ${scopes.join(' ')}`, agencyId, scopes, acceptTerms: true });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret }).toString(),
  });
  if (res.statusCode !== 200) throw new Error(`token: ${res.body}`);
  const c = new Client(t);
  c.bearer = res.json().access_token;
  return c;
}

export interface ChangeJson {
  cursor: string;
  event: 'published' | 'updated' | 'unpublished' | 'deleted';
  versionId: string;
  itemId: string;
  language: string;
  visibility?: string;
  contentHash: string | null;
  data?: Record<string, unknown> | null;
}

/** Reads the stream from `since` to its head; returns the changes and where to continue. */
export async function readChanges(
  c: Client,
  since: string | null,
  opts: { limit?: number; data?: boolean } = {},
): Promise<{ changes: ChangeJson[]; cursor: string }> {
  const out: ChangeJson[] = [];
  let cursor = since;
  for (;;) {
    const q = new URLSearchParams();
    if (cursor) q.set('since', cursor);
    q.set('limit', String(opts.limit ?? 1000));
    if (opts.data) q.set('include', 'data');
    const res = await c.get(`/api/v1/changes?${q}`);
    if (res.statusCode !== 200) throw new Error(`changes: ${res.statusCode} ${res.body}`);
    const page = res.json() as { changes: ChangeJson[]; nextCursor: string };
    out.push(...page.changes);
    cursor = page.nextCursor;
    if (page.changes.length < (opts.limit ?? 1000)) return { changes: out, cursor: cursor! };
  }
}

/** Every page of GET /published with these parameters. */
export async function readPublished(c: Client, params: Record<string, string> = {}): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '100', ...params, ...(cursor ? { cursor } : {}) });
    const res = await c.get(`/api/v1/published?${q}`);
    if (res.statusCode !== 200) throw new Error(`published: ${res.statusCode} ${res.body}`);
    const page = res.json() as { items: Array<Record<string, unknown>>; nextCursor: string | null };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The hash a consumer computes from a published form, as docs/content-hash.md describes (independent code). */
export function recomputeHash(p: Record<string, unknown>): string {
  const canonical = (v: unknown): string =>
    v === null || typeof v !== 'object'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? `[${v.map(canonical).join(',')}]`
        : `{${Object.keys(v as object)
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
            .join(',')}}`;
  const { itemId, language, kind, agencyId, title, summary, body, metadata } = p;
  return createHash('sha256').update(canonical({ itemId, language, kind, agencyId, title, summary, body, metadata })).digest('hex');
}

/** Validates live responses against the served OpenAPI document (path as documented, e.g. /api/v1/published/{itemId}/{language}). */
export async function openApiValidator(t: TestApp) {
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'openapi');
  return (path: string, res: LightMyRequestResponse, contentType = String(res.headers['content-type']).split(';')[0]) => {
    const pointer = `openapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/${res.statusCode}/content/${contentType.replace(/\//g, '~1')}/schema`;
    const v = ajv.getSchema(pointer);
    if (!v) throw new Error(`no schema at ${pointer}`);
    if (!v(res.json())) throw new Error(`GET ${path} ${res.statusCode}: ${ajv.errorsText(v.errors)}`);
  };
}
