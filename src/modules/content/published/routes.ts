// HTTP: the open API's reads of published content — the list (filters, keyset cursor, field
// selection, ETag), one item in one language (JSON, or Dublin Core as JSON-LD or XML), and the
// changes stream a consumer mirrors from. Registered by routes.ts under /api/v1.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { conditionalGet } from '../../../http/etag.js';
import { cachedRead } from '../../../http/response-cache.js';
import { errors } from '../../../http/schemas.js';
import { anonymous } from '../../../core/actor.js';
import { publishedScope } from '../policy.js';
import { dublinCoreJsonLd, dublinCoreXml } from './dublin-core.js';
import { ChangesQuery, DublinCoreJsonLd, PublishedItemParams, PublishedItemQuery, PublishedQuery, publishedSchemas } from './schemas.js';
import * as content from '../service.js';

const reads = { 400: errors[400], 401: errors[401], 403: errors[403] };
const notModified = Type.Null({ description: 'Not modified: your copy (If-None-Match) is current' });
/** Documentation only: a Dublin Core XML answer (what dublinCoreXml gives for the Festival Huế example of published.schemas.ts). */
const dublinCoreXmlExample = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  '  <dc:title xml:lang="vi">Lễ hội Festival Huế 2026 khai mạc tại Đại Nội</dc:title>',
  '  <dc:description xml:lang="vi">Festival Huế 2026 mở đầu với chương trình nghệ thuật trên sông Hương.</dc:description>',
  '  <dc:creator>Trần Thị Hoa</dc:creator>',
  '  <dc:publisher xml:lang="vi">Sở Ngoại vụ thành phố Huế</dc:publisher>',
  '  <dc:date>2026-06-04</dc:date>',
  '  <dcterms:issued xsi:type="dcterms:W3CDTF">2026-06-04T12:00:00.000Z</dcterms:issued>',
  '  <dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-04T12:00:00.000Z</dcterms:modified>',
  '  <dc:language>vi</dc:language>',
  '  <dc:subject xml:lang="vi">Du lịch, di sản, lễ hội</dc:subject>',
  '  <dc:subject xml:lang="vi">Festival Huế</dc:subject>',
  '  <dc:type>Text</dc:type>',
  '  <dc:type>news</dc:type>',
  '  <dc:format>text/html</dc:format>',
  '  <dc:identifier>https://ttdn.hue.gov.vn/vi/tin-tuc/5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b</dc:identifier>',
  '  <dc:identifier>urn:sha256:c1f0e5a2b7d94f3e8a6b2c9d0e1f4a7b3c8d5e2f9a0b6c1d7e4f8a3b5c2d9e0f</dc:identifier>',
  '  <dc:rights>CC-BY-4.0</dc:rights>',
  '  <dcterms:license xsi:type="dcterms:URI">https://creativecommons.org/licenses/by/4.0/</dcterms:license>',
  '  <dcterms:rightsHolder>Sở Ngoại vụ thành phố Huế</dcterms:rightsHolder>',
  '  <dc:coverage xml:lang="vi">Đại Nội, thành phố Huế</dc:coverage>',
  '</metadata>',
  '',
].join('\n');

type Format = 'json' | 'dc-jsonld' | 'dc-xml';

/** ?format wins; otherwise the first of Accept's types we serve (application/json when none). */
function formatOf(req: FastifyRequest, format: Format | undefined): Format {
  if (format) return format;
  const accept = String(req.headers.accept ?? '').toLowerCase();
  const ranked = accept
    .split(',')
    .map((part, i) => {
      const [type, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { type: type.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { type } of ranked) {
    if (type === 'application/json') return 'json';
    if (type === 'application/ld+json') return 'dc-jsonld';
    if (type === 'application/xml' || type === 'text/xml') return 'dc-xml';
  }
  return 'json';
}

/** What a published read's answer depends on: what the reader may see (never who they are) and the URL. */
export const scopeKey = (req: FastifyRequest) => (req.ctx.actor.kind === 'anonymous' ? ANONYMOUS_SCOPE : JSON.stringify(publishedScope(req.ctx.actor)));
const ANONYMOUS_SCOPE = JSON.stringify(publishedScope(anonymous));

export async function publishedRoutes(app: FastifyInstance) {
  for (const s of publishedSchemas) app.addSchema(s);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const listCache = cachedRead(app.apiCache, (req) => `published ${scopeKey(req)} ${req.url}`);
  const itemCache = cachedRead(app.apiCache, (req) => `item ${scopeKey(req)} ${formatOf(req, (req.query as { format?: Format }).format)} ${req.url}`);

  api.get('/published', {
    config: { auth: 'public', scope: 'read:public', countsItemReads: true },
    schema: {
      tags: ['published'],
      operationId: 'listPublished',
      summary: 'Published versions you may read: filters, sort, keyset cursor, field selection; ETag and If-None-Match',
      description:
        'Anonymous callers read public content; `read:shared` adds shared content; internal content only for its agency and the DIC. Follow `nextCursor` (same filters) until it is null. Answers carry a weak ETag over the body: send it back as If-None-Match for a 304. Cache-Control is `public, max-age=60` for anonymous calls, `private, no-cache` otherwise.',
      querystring: PublishedQuery,
      response: { 200: Type.Ref('PublishedPage'), 304: notModified, ...reads },
    },
    onRequest: listCache.onRequest,
    onSend: [listCache.onSend, conditionalGet()],
    handler: async (req) => content.listPublishedVersions(req.ctx, req.query),
  });

  api.get('/published/:itemId/:language', {
    config: { auth: 'public', scope: 'read:public', countsItemReads: true },
    schema: {
      tags: ['published'],
      operationId: 'getPublishedInLanguage',
      summary: 'One item in one language as published: JSON (with its content hash), or Dublin Core as JSON-LD or XML',
      description:
        'The same form and hash as GET /item-versions/{id}/published. `format=dc-jsonld` or `Accept: application/ld+json` gives Dublin Core JSON-LD; `format=dc-xml` or `Accept: application/xml` gives Dublin Core XML (namespace http://purl.org/dc/elements/1.1/). Weak ETag over the body, If-None-Match → 304.',
      params: PublishedItemParams,
      querystring: PublishedItemQuery,
      response: {
        200: {
          description: 'The published version',
          content: {
            'application/json': { schema: Type.Ref('PublishedVersion') },
            'application/ld+json': { schema: DublinCoreJsonLd },
            'application/xml': {
              schema: Type.String({ description: 'Dublin Core XML: a <metadata> element holding dc: and dcterms: elements' }),
              example: dublinCoreXmlExample,
            },
          },
        },
        304: notModified,
        ...reads,
        404: errors[404],
      },
    },
    onRequest: itemCache.onRequest,
    onSend: [itemCache.onSend, conditionalGet('Accept, Authorization, Cookie')],
    handler: async (req, reply: FastifyReply) => {
      const form = await content.getPublishedInLanguage(req.ctx, req.params.itemId, req.params.language);
      const format = formatOf(req, req.query.format);
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(form);
      const facts = await content.dublinCoreFacts(req.ctx, form);
      if (format === 'dc-jsonld') return reply.type('application/ld+json; charset=utf-8').send(dublinCoreJsonLd(form, facts));
      return reply.type('application/xml; charset=utf-8').send(dublinCoreXml(form, facts));
    },
  });

  api.get('/changes', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['published'],
      operationId: 'listChanges',
      summary: 'The changes stream: every publication, update, unpublication and deletion you may see, in commit order (tombstones included)',
      description:
        'Start without `since`, then pass `nextCursor` as `since` (it is always given; poll again from it). A change is shown when you could read the version after or before it; when you cannot read it now it is a tombstone (`unpublished` or `deleted`, no data), which also covers a visibility narrowed beyond your access. With `include=data` each live change carries the published form as it is now. docs/api.md describes the mirror procedure.',
      querystring: ChangesQuery,
      response: { 200: Type.Ref('ChangesPage'), ...reads },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-cache').header('vary', 'Authorization, Cookie');
      return content.listChanges(req.ctx, req.query);
    },
  });
}
