// HTTP: settings clients need, taxonomy, items and their language versions, workflow transitions,
// history, the appraisal queue, freshness and scheduling.
import type { FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, exampleOf, IdParams, IsoDateTime, Nullable } from '../../../http/schemas.js';
import { getJobStatus } from '../../monitoring/service.js';
import * as content from '../service.js';
import { transitionInput } from './transition-input.js';
import { presentAppraisal, presentListRow, presentRevisionRef, presentTopic, presentWorking } from './present.js';
import {
  AddTranslationBody,
  CreateItemBody,
  CreateTopicBody,
  Diff,
  DiffQuery,
  History,
  ListQuery,
  ListRow,
  RestoreBody,
  SaveVersionBody,
  TransitionBody,
  TransitionParams,
  Topic,
  UpdateTopicBody,
} from './schemas.js';

const commonErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] };
const Freshness = Type.Object({
  agencyId: Type.String(),
  lastUpdateAt: Nullable(IsoDateTime),
  daysSinceUpdate: Nullable(Type.Integer()),
  stale: Type.Boolean(),
  byState: Type.Record(Type.String(), Type.Integer()),
  online: Type.Integer(),
  missingTranslations: Type.Record(Type.String(), Type.Integer()),
  incompleteDrafts: Type.Integer(),
});
const ItemList = Type.Object(
  { items: Type.Array(Type.Ref('ItemListRow')), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { examples: [{ items: [exampleOf(ListRow)], nextCursor: 'MjAyNi0wNi0wNFQxMDozMDowMC4wMDBafDBiOWM2ZDFl' }] },
);

export async function editorialRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const working = async (req: { ctx: import('../../../core/context.js').Context }, id: string) =>
    presentWorking(req.ctx.actor, await content.getWorkingVersion(req.ctx, id));

  // ----- settings the clients need -----
  api.get('/meta', {
    config: { auth: 'public' },
    schema: {
      tags: ['meta'],
      summary: 'Settings clients need: content languages, jurisdiction, freshness period, days to answer a case',
      response: {
        200: Type.Object(
          {
            contentLanguages: Type.Array(Type.String(), { description: 'The first is the default source language' }),
            jurisdiction: Type.Object({ nameVi: Type.String(), nameEn: Type.String() }),
            staleAfterDays: Type.Integer(),
            caseResponseDays: Type.Integer({
              description: 'Calendar days (Huế time) a notified agency has to answer a clarification case (CASE_RESPONSE_DAYS)',
            }),
          },
          {
            examples: [
              {
                contentLanguages: ['vi', 'en', 'fr', 'ja', 'ko', 'zh'],
                jurisdiction: { nameVi: 'Thành phố Huế', nameEn: 'Huế City' },
                staleAfterDays: 30,
                caseResponseDays: 7,
              },
            ],
          },
        ),
        404: errors[404],
        401: errors[401],
      },
    },
    handler: async (req) => ({
      contentLanguages: req.ctx.config.contentLanguages,
      jurisdiction: req.ctx.config.jurisdiction,
      staleAfterDays: req.ctx.config.staleAfterDays,
      caseResponseDays: req.ctx.config.caseResponseDays,
    }),
  });

  // ----- taxonomy -----
  api.get('/topics', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['taxonomy'],
      summary: 'Topics of the taxonomy',
      querystring: Type.Object({ includeArchived: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ items: Type.Array(Type.Ref('Topic')) }, { examples: [{ items: [exampleOf(Topic)] }] }),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    },
    handler: async (req) => ({ items: (await content.listTopics(req.ctx, req.query)).map(presentTopic) }),
  });
  api.post('/topics', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['taxonomy'],
      summary: 'Add a topic (DIC)',
      body: CreateTopicBody,
      response: { 201: { $ref: 'Topic' }, ...commonErrors, 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => reply.code(201).send(presentTopic(await content.createTopic(req.ctx, req.body))),
  });
  api.patch('/topics/:id', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['taxonomy'],
      summary: 'Rename, move or archive a topic (DIC); slugs are stable',
      params: IdParams,
      body: UpdateTopicBody,
      response: { 200: { $ref: 'Topic' }, ...commonErrors, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      return presentTopic(await content.updateTopic(req.ctx, req.params.id, version, patch));
    },
  });

  // ----- items and versions -----
  api.post('/items', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['items'],
      summary: 'Create an item (a draft in its source language)',
      body: CreateItemBody,
      response: { 201: { $ref: 'WorkingVersion' }, ...commonErrors, 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      const v = await content.createItem(req.ctx, req.body);
      return reply.code(201).send(await working(req, v.id));
    },
  });
  api.get('/items', {
    schema: {
      tags: ['items'],
      summary: 'Language versions your role may work on, newest change first (keyset pagination)',
      querystring: ListQuery,
      response: { 200: ItemList, ...commonErrors },
    },
    handler: async (req) => {
      const { items, nextCursor } = await content.listWorkingVersions(req.ctx, req.query);
      return { items: items.map(presentListRow), nextCursor };
    },
  });
  api.post('/items/:id/translations', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['items'],
      summary: 'Add a language version (translation) to an item',
      params: IdParams,
      body: AddTranslationBody,
      response: { 201: { $ref: 'WorkingVersion' }, ...commonErrors, 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      const v = await content.addTranslation(req.ctx, req.params.id, req.body);
      return reply.code(201).send(await working(req, v.id));
    },
  });
  api.get('/item-versions/:id', {
    schema: {
      tags: ['items'],
      summary: 'A language version as editors and appraisers see it (working copy)',
      params: IdParams,
      response: { 200: { $ref: 'WorkingVersion' }, ...commonErrors },
    },
    handler: async (req) => working(req, req.params.id),
  });
  api.put('/item-versions/:id', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['items'],
      summary: 'Save a new revision (send the revision you started from)',
      params: IdParams,
      body: SaveVersionBody,
      response: { 200: { $ref: 'WorkingVersion' }, ...commonErrors, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      await content.saveVersion(req.ctx, req.params.id, req.body);
      return working(req, req.params.id);
    },
  });
  api.post('/item-versions/:id/transitions/:name', {
    config: { scope: 'write:own' },
    // The body's variant is chosen by the `{name}` path parameter, which a body validator does not
    // see: Fastify checks the path, transitionInput() the body against the named variant.
    validatorCompiler: (route) => (route.httpPart === 'body' ? (body: unknown) => ({ value: body }) : TypeBoxValidatorCompiler(route)),
    schema: {
      tags: ['workflow'],
      summary: 'Take a workflow transition: submit, withdraw, return, approve, publish, unpublish, archive, restore',
      description:
        'The body depends on the transition named in the path (`{name}` discriminates the union): `submit` takes SubmitBody (the Art. 4.6 declaration), `return` ReturnBody (the comment), `approve` ApproveBody (the Art. 6.4 checklist, an optional comment, an optional `publishAt`), the others EmptyBody. A field that belongs to another transition is refused: 400 `field_unknown` naming the field, nothing changed.',
      params: TransitionParams,
      body: TransitionBody,
      response: { 200: { $ref: 'WorkingVersion' }, ...commonErrors, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      const { id, name } = req.params;
      return presentWorking(req.ctx.actor, await content.transition(req.ctx, id, name, transitionInput(name, req.body)));
    },
  });
  api.get('/item-versions/:id/history', {
    schema: {
      tags: ['items'],
      summary: 'Every revision and appraisal decision of a language version',
      params: IdParams,
      response: { 200: History, ...commonErrors },
    },
    handler: async (req) => {
      const h = await content.versionHistory(req.ctx, req.params.id);
      return {
        revisions: h.revisions.map(presentRevisionRef),
        appraisals: h.appraisals.map(presentAppraisal),
        workingRevisionId: h.version.workingRevisionId,
        publishedRevisionId: h.version.publishedRevisionId,
        lastApprovedRevisionId: h.lastApprovedRevisionId,
      };
    },
  });
  api.get('/item-versions/:id/diff', {
    schema: {
      tags: ['items'],
      summary: 'Word diff of each changed field between two revisions',
      params: IdParams,
      querystring: DiffQuery,
      response: { 200: Diff, ...commonErrors },
    },
    handler: async (req) => ({ fields: await content.diffRevisions(req.ctx, req.params.id, req.query.from, req.query.to) }),
  });
  api.post('/item-versions/:id/restore', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['items'],
      summary: 'Restore an old revision as a new draft revision',
      params: IdParams,
      body: RestoreBody,
      response: { 200: { $ref: 'WorkingVersion' }, ...commonErrors, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      await content.restoreRevision(req.ctx, req.params.id, req.body);
      return working(req, req.params.id);
    },
  });
  api.get('/item-versions/:id/published', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['items'],
      summary: 'The published form of a language version, with its content hash',
      params: IdParams,
      response: { 200: { $ref: 'PublishedVersion' }, 404: errors[404], 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req, reply) => {
      const form = await content.getPublishedForm(req.ctx, req.params.id);
      reply.header('etag', `"${form.contentHash}"`);
      return form;
    },
  });
  api.get('/appraisal-queue', {
    config: { auth: 'user' },
    schema: {
      tags: ['workflow'],
      summary: 'Submitted versions, longest waiting first (DIC), with how many wait in all',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ items: Type.Array(Type.Ref('ItemListRow')), total: Type.Integer() }, { examples: [{ items: [exampleOf(ListRow)], total: 1 }] }),
        ...commonErrors,
      },
    },
    handler: async (req) => {
      const { items, total } = await content.appraisalQueue(req.ctx, req.query.limit);
      return { items: items.map(presentListRow), total };
    },
  });

  // ----- freshness and scheduling -----
  api.get('/freshness', {
    schema: {
      tags: ['freshness'],
      summary: 'Per agency: last update, versions by state, missing translations, incomplete drafts, stale flag',
      querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
      response: {
        200: Type.Object(
          { staleAfterDays: Type.Integer(), items: Type.Array(Freshness) },
          {
            examples: [
              {
                staleAfterDays: 30,
                items: [
                  {
                    agencyId: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
                    lastUpdateAt: '2026-06-04T12:00:00.000Z',
                    daysSinceUpdate: 3,
                    stale: false,
                    byState: { draft: 2, submitted: 1, published: 48 },
                    online: 48,
                    missingTranslations: { en: 5, fr: 12 },
                    incompleteDrafts: 1,
                  },
                ],
              },
            ],
          },
        ),
        ...commonErrors,
      },
    },
    handler: async (req) => ({ staleAfterDays: req.ctx.config.staleAfterDays, items: await content.agencyFreshness(req.ctx, req.query) }),
  });
  api.get('/freshness/:id/missing-translations', {
    schema: {
      tags: ['freshness'],
      summary: "An agency's published items lacking a translation in a language",
      params: IdParams,
      querystring: Type.Object({ language: Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('ItemListRow')) }, { examples: [{ items: [exampleOf(ListRow)] }] }), ...commonErrors },
    },
    handler: async (req) => ({ items: (await content.missingTranslations(req.ctx, req.params.id, req.query.language)).map(presentListRow) }),
  });
  api.get('/scheduling', {
    schema: {
      tags: ['workflow'],
      summary: 'Health of scheduled publishing: last run, next due, overdue',
      response: {
        200: Type.Object(
          {
            lastRunAt: Nullable(IsoDateTime),
            lastOkAt: Nullable(IsoDateTime),
            lastError: Nullable(Type.String()),
            nextScheduledAt: Nullable(IsoDateTime),
            overdue: Type.Boolean(),
          },
          {
            examples: [
              {
                lastRunAt: '2026-06-04T11:59:00.000Z',
                lastOkAt: '2026-06-04T11:59:00.000Z',
                lastError: null,
                nextScheduledAt: '2026-06-05T01:00:00.000Z',
                overdue: false,
              },
            ],
          },
        ),
        ...commonErrors,
      },
    },
    handler: async (req) => content.schedulingStatus(req.ctx, await getJobStatus(req.ctx, 'scheduled-publishing')),
  });
}
