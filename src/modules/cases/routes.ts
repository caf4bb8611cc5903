// HTTP: clarification cases under /api/v1/cases. People only (auth 'user'): API clients, the
// public API and anonymous callers get nothing. Every write answers the whole case as the reader
// now sees it, read by the use case in its own transaction, so a screen refreshes from the answer.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Context } from '../../core/context.js';
import { errors, IdParams } from '../../http/schemas.js';
import * as cases from './service.js';
import { presentCase, presentSummary } from './present.js';
import {
  AgencyParams,
  AttachmentParams,
  AttachmentBody,
  caseSchemas,
  ClarificationBody,
  CaseList,
  ExtendBody,
  Figures,
  FiguresQuery,
  ListQuery,
  MaterialBody,
  NotifyBody,
  OpenCaseBody,
  Precedents,
  PrecedentsQuery,
  ResponseBody,
  SightingBody,
  SituationBody,
  TransitionBody,
  TransitionParams,
  UpdateCaseBody,
} from './schemas.js';

const readResponses = { 200: { $ref: 'Case' }, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] };
const writeResponses = (status: 200 | 201) => ({
  [status]: { $ref: 'Case' },
  400: errors[400],
  401: errors[401],
  403: errors[403],
  404: errors[404],
  409: errors[409],
  413: errors[413],
  415: errors[415],
});
const tags = ['cases'];
const readAccess = { auth: 'user' as const, scope: 'read:shared' as const };
const writeAccess = { auth: 'user' as const, scope: 'write:own' as const };

export async function caseRoutes(app: FastifyInstance) {
  for (const s of caseSchemas) app.addSchema(s);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // deadlines (due, overdue) are shown for the reader's now
  const present = (ctx: Context, detail: cases.CaseDetail) => presentCase(detail, ctx.clock.now());

  api.get('/cases', {
    config: readAccess,
    schema: {
      tags,
      operationId: 'listCases',
      summary: 'Cases you may see, most recently changed first (DIC and IOC: all; an agency: the cases it opened or was notified on)',
      querystring: ListQuery,
      response: { 200: CaseList, 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => {
      const { status, ...q } = req.query;
      const res = await cases.listCases(req.ctx, {
        ...q,
        status: status
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      const now = req.ctx.clock.now();
      return { items: res.rows.map((x) => presentSummary(x.row, x.assignments, now, res.names)), total: res.total, limit: res.limit, offset: res.offset };
    },
  });
  api.get('/cases/precedents', {
    config: readAccess,
    schema: {
      tags,
      operationId: 'findCasePrecedents',
      summary:
        'Before opening a case: past cases (title, false information, claimant, sighting URLs; with or without diacritics) and published clarifications matching the words or URL',
      querystring: PrecedentsQuery,
      response: { 200: Precedents, 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => {
      const res = await cases.findPrecedents(req.ctx, req.query);
      const now = req.ctx.clock.now();
      return {
        cases: res.cases.map((c) => presentSummary(c.row, c.assignments, now)),
        clarifications: res.clarifications.map((c) => ({
          versionId: c.versionId,
          itemId: c.itemId,
          language: c.language,
          agencyId: c.agencyId,
          title: c.title,
          summary: c.summary,
          publishedAt: c.publishedAt,
        })),
      };
    },
  });
  api.get('/cases/figures', {
    config: readAccess,
    schema: {
      tags,
      operationId: 'getCaseFigures',
      summary: 'Per agency and quarter: cases opened, notifications, answered on time / late, overdue, pending, average response time (for reports)',
      querystring: FiguresQuery,
      response: { 200: Figures, 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => ({ items: await cases.caseFigures(req.ctx, req.query) }),
  });
  api.post('/cases', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'openCase',
      summary: 'Open a case (DIC; or an agency about its own field, for the DIC to take up)',
      body: OpenCaseBody,
      response: writeResponses(201),
    },
    handler: async (req, reply) => reply.code(201).send(present(req.ctx, await cases.openCase(req.ctx, req.body))),
  });
  api.get('/cases/:id', {
    config: readAccess,
    schema: {
      tags,
      operationId: 'getCase',
      summary: 'A case with its dossier, sightings, agencies and deadlines, responses, evidence and timeline',
      params: IdParams,
      response: readResponses,
    },
    handler: async (req) => present(req.ctx, await cases.getCase(req.ctx, req.params.id)),
  });
  api.patch('/cases/:id', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'updateCase',
      summary: 'Edit the case and its dossier (a)–(đ); `version` must be the one read',
      params: IdParams,
      body: UpdateCaseBody,
      response: writeResponses(200),
    },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      return present(req.ctx, await cases.updateCase(req.ctx, req.params.id, version, patch));
    },
  });
  api.post('/cases/:id/sightings', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'addCaseSighting',
      summary: 'Record another appearance of the same false information (409 when the case already has this URL)',
      params: IdParams,
      body: SightingBody,
      response: writeResponses(201),
    },
    handler: async (req, reply) => reply.code(201).send(present(req.ctx, await cases.addSighting(req.ctx, req.params.id, req.body))),
  });
  api.post('/cases/:id/attachments', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'addCaseAttachment',
      summary: 'Add evidence: a file of your media library (screenshot, document) or a link',
      params: IdParams,
      body: AttachmentBody,
      response: writeResponses(201),
    },
    handler: async (req, reply) => reply.code(201).send(present(req.ctx, await cases.addAttachment(req.ctx, req.params.id, req.body))),
  });
  api.delete('/cases/:id/attachments/:attachmentId', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'removeCaseAttachment',
      summary: 'Remove evidence added by mistake (the DIC, or the agency that added it); the timeline keeps the record',
      params: AttachmentParams,
      response: writeResponses(200),
    },
    handler: async (req) => present(req.ctx, await cases.removeAttachment(req.ctx, req.params.id, req.params.attachmentId)),
  });
  api.post('/cases/:id/situation-updates', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'addCaseSituationUpdate',
      summary: 'Add a dated entry to the situation since the false information appeared (Art. 4.3a)',
      params: IdParams,
      body: SituationBody,
      response: writeResponses(201),
    },
    handler: async (req, reply) => reply.code(201).send(present(req.ctx, await cases.addSituationUpdate(req.ctx, req.params.id, req.body))),
  });
  api.post('/cases/:id/notifications', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'notifyCaseAgencies',
      summary: 'Notify responsible agencies (DIC); each owes its material within CASE_RESPONSE_DAYS local calendar days',
      params: IdParams,
      body: NotifyBody,
      response: writeResponses(200),
    },
    handler: async (req) => present(req.ctx, await cases.notifyAgencies(req.ctx, req.params.id, req.body)),
  });
  api.post('/cases/:id/agencies/:agencyId/extension', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'extendCaseDeadline',
      summary: "Extend an agency's due date with a reason (DIC); reminders follow the new date",
      params: AgencyParams,
      body: ExtendBody,
      response: writeResponses(200),
    },
    handler: async (req) => present(req.ctx, await cases.extendDeadline(req.ctx, req.params.id, req.params.agencyId, req.body)),
  });
  api.post('/cases/:id/agencies/:agencyId/material', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'recordCaseMaterial',
      summary: "Send an agency's material (the agency, or the DIC on its behalf); on time if before its due date ends",
      params: AgencyParams,
      body: MaterialBody,
      response: writeResponses(200),
    },
    handler: async (req) => present(req.ctx, await cases.recordMaterial(req.ctx, req.params.id, req.params.agencyId, req.body)),
  });
  api.post('/cases/:id/responses', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'addCaseResponse',
      summary: 'Record a form of response used (Art. 4.4) with date, links and files',
      params: IdParams,
      body: ResponseBody,
      response: writeResponses(201),
    },
    handler: async (req, reply) => reply.code(201).send(present(req.ctx, await cases.addResponse(req.ctx, req.params.id, req.body))),
  });
  api.post('/cases/:id/transitions/:name', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'transitionCase',
      summary:
        'DIC: mark-published (the linked clarification is online), close-without-publication (reason), close, reopen (reason); 409 names the status that refuses it',
      params: TransitionParams,
      body: TransitionBody,
      response: writeResponses(200),
    },
    handler: async (req) => present(req.ctx, await cases.transitionCase(req.ctx, req.params.id, req.params.name, req.body)),
  });
  api.post('/cases/:id/clarification', {
    config: writeAccess,
    schema: {
      tags,
      operationId: 'createCaseClarification',
      summary: "Create the case's clarification item (kind clarification, claim from the case, source language + translations) as a draft for appraisal",
      params: IdParams,
      body: ClarificationBody,
      response: writeResponses(201),
    },
    handler: async (req, reply) => reply.code(201).send(present(req.ctx, await cases.createClarification(req.ctx, req.params.id, req.body))),
  });
}
