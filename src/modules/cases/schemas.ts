// Request and response schemas of clarification cases (= the OpenAPI document).
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';
import { CLAIM_RATINGS, LICENCES } from '../content/service.js';
import { CASE_STATUSES, CASE_TRANSITION_NAMES, REMINDER_KINDS, RESPONSE_FORMS, SEVERITIES } from './model.js';

const lit = <T extends string>(xs: readonly T[], description?: string) => Type.Union(xs.map((x) => Type.Literal(x)), description ? { description } : {});
const str = (max: number, extra: Record<string, unknown> = {}) => Type.String({ maxLength: max, ...extra });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD (a local date, Asia/Ho_Chi_Minh)' });
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', maxLength: 12, description: 'Language code (ISO 639)' });
const Url = Type.String({ pattern: '^https?://', maxLength: 2000, description: 'http(s) URL' });
export const Status = lit(CASE_STATUSES, 'opened → agencies_notified → material_received → clarification_published | closed_without_publication → closed');
export const Severity = lit(SEVERITIES);
export const Form = lit(RESPONSE_FORMS, 'Art. 4.4: press release, spokesperson statement, press briefing / monthly press conference, post on the agency portal, information given to the press');
const Rating = lit(CLAIM_RATINGS, 'How false the information is (ClaimReview rating)');

const Dossier = Type.Object(
  {
    situation: Type.Optional(str(20_000, { description: '(a) the situation since the false information appeared' })),
    impact: Type.Optional(str(20_000, { description: '(b) impact on the image of agencies and the province' })),
    facts: Type.Optional(str(20_000, { description: '(c) the true nature of the facts' })),
    legalGrounds: Type.Optional(str(20_000, { description: '(d) domestic and international legal grounds, experience, precedents' })),
    messaging: Type.Optional(str(20_000, { description: '(đ) proposed press messaging and orientation of public opinion' })),
  },
  { additionalProperties: false },
);

export const SightingBody = Type.Object(
  {
    url: Url,
    platform: Type.Optional(str(100)),
    language: Type.Optional(Lang),
    seenAt: Type.Optional(IsoDateTime),
    reach: Type.Optional(Type.Integer({ minimum: 0 })),
    note: Type.Optional(str(2000)),
  },
  { additionalProperties: false },
);

const caseFields = {
  title: str(300, { minLength: 1 }),
  falseText: str(20_000, { minLength: 1, description: 'The false or distorted information, as it circulated' }),
  severity: Type.Optional(Severity),
  topicIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  languages: Type.Optional(Type.Array(Lang, { maxItems: 20, description: 'Languages the false information circulates in' })),
  claimant: Type.Optional(str(500, { description: 'Who spread it, when known' })),
  rating: Type.Optional(Nullable(Rating)),
  firstSeenAt: Type.Optional(Nullable(IsoDateTime)),
  reach: Type.Optional(Nullable(Type.Integer({ minimum: 0, description: 'Estimated views/shares' }))),
  dossier: Type.Optional(Dossier),
};

export const OpenCaseBody = Type.Object({ ...caseFields, sightings: Type.Optional(Type.Array(SightingBody, { maxItems: 50 })) }, { additionalProperties: false });
export const UpdateCaseBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'The version read; another one means someone saved meanwhile (409)' }), ...Type.Partial(Type.Object(caseFields)).properties },
  { additionalProperties: false },
);
export const AttachmentBody = Type.Object(
  { mediaId: Type.Optional(Uuid), url: Type.Optional(Url), label: Type.Optional(str(300)), note: Type.Optional(str(2000)) },
  { additionalProperties: false, description: 'Exactly one of mediaId (a file of your media library) and url' },
);
export const SituationBody = Type.Object({ text: str(20_000, { minLength: 1 }), occurredAt: Type.Optional(IsoDateTime) }, { additionalProperties: false });
export const NotifyBody = Type.Object(
  { agencyIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }), message: Type.Optional(str(5000)), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const ExtendBody = Type.Object({ dueDate: IsoDate, reason: str(2000, { minLength: 1 }) }, { additionalProperties: false });
export const MaterialBody = Type.Object(
  { note: str(50_000, { minLength: 1 }), links: Type.Optional(Type.Array(Url, { maxItems: 50 })), mediaIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })) },
  { additionalProperties: false },
);
export const ResponseBody = Type.Object(
  {
    agencyId: Type.Optional(Type.String({ format: 'uuid', description: 'The answering agency; defaults to your own (the DIC records for an agency by naming it)' })),
    form: Form,
    date: IsoDate,
    links: Type.Optional(Type.Array(Url, { maxItems: 50 })),
    mediaIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    languages: Type.Optional(Type.Array(Lang, { maxItems: 20, description: 'Languages of a portal post' })),
    note: Type.Optional(str(5000)),
  },
  { additionalProperties: false },
);
export const TransitionParams = Type.Object({ id: Uuid, name: lit(CASE_TRANSITION_NAMES) }, { additionalProperties: false });
export const TransitionBody = Type.Object(
  { reason: Type.Optional(str(2000, { description: 'Required to close without publication and to reopen' })), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false });
export const AgencyParams = Type.Object({ id: Uuid, agencyId: Uuid }, { additionalProperties: false });
const ItemText = Type.Object({ title: str(500), summary: str(3000), body: str(500_000, { description: 'Rich text (HTML); sanitised' }) }, { additionalProperties: false });
export const ClarificationBody = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    rating: Type.Optional(Rating),
    texts: Type.Record(Lang, ItemText, { description: 'The item per language: the source language (first content language) and at least one more' }),
    statement: Type.Optional(Type.Record(Lang, str(5000), { description: 'The false information per language; the source language defaults to the case text' })),
    metadata: Type.Optional(
      Type.Object(
        {
          activityDate: Type.Optional(IsoDate),
          authors: Type.Optional(Type.Array(str(200), { maxItems: 20 })),
          tags: Type.Optional(Type.Array(str(100), { maxItems: 30 })),
          place: Type.Optional(str(300)),
          copyrightHolder: Type.Optional(str(300)),
          licence: Type.Optional(lit(LICENCES)),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 200, description: 'One status or several, comma-separated' })),
    severity: Type.Optional(Severity),
    agencyId: Type.Optional(Uuid),
    pending: Type.Optional(Type.Boolean({ description: 'Only cases with an unanswered notification (of agencyId when given): an agency inbox' })),
    overdue: Type.Optional(Type.Boolean({ description: 'Only cases with an unanswered notification past its due date' })),
    q: Type.Optional(str(300)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export const PrecedentsQuery = Type.Object({ q: str(500, { minLength: 1 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, { additionalProperties: false });
export const FiguresQuery = Type.Object({ from: IsoDate, to: IsoDate, agencyId: Type.Optional(Uuid) }, { additionalProperties: false });

// ----- responses -----
const DeadlineFields = {
  dueDate: IsoDate,
  deadlineAt: Type.String({ format: 'date-time', description: 'End of the due date in Asia/Ho_Chi_Minh' }),
  daysLeft: Type.Integer({ description: 'Local calendar days to the due date: 0 = due today, negative = passed' }),
  overdue: Type.Boolean(),
  answered: Type.Boolean(),
  answeredOnTime: Nullable(Type.Boolean()),
};
const AgencyDeadline = Type.Object({ agencyId: Uuid, ...DeadlineFields });
const Sighting = Type.Object({ id: Uuid, url: Type.String(), platform: Type.String(), language: Nullable(Type.String()), seenAt: Nullable(IsoDateTime), reach: Nullable(Type.Integer()), note: Type.String(), addedBy: Type.String(), createdAt: IsoDateTime }, { $id: 'CaseSighting' });
const Assignment = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    notifiedAt: IsoDateTime,
    notifiedBy: Type.String(),
    message: Type.String(),
    ...DeadlineFields,
    originalDueDate: IsoDate,
    extensions: Type.Array(Type.Object({ from: IsoDate, to: IsoDate, reason: Type.String(), by: Type.String(), at: IsoDateTime })),
    materialReceivedAt: Nullable(IsoDateTime),
    materialNote: Type.String(),
    materialLinks: Type.Array(Type.String()),
    materialMediaIds: Type.Array(Uuid),
    reminders: Type.Array(Type.Object({ kind: lit(REMINDER_KINDS), dueDate: IsoDate, sentAt: IsoDateTime })),
  },
  { $id: 'CaseAssignment' },
);
const Response = Type.Object(
  { id: Uuid, agencyId: Uuid, form: Form, date: IsoDate, links: Type.Array(Type.String()), mediaIds: Type.Array(Uuid), languages: Type.Array(Type.String()), note: Type.String(), createdBy: Type.String(), createdAt: IsoDateTime },
  { $id: 'CaseResponse' },
);
const Attachment = Type.Object(
  { id: Uuid, mediaId: Nullable(Uuid), url: Nullable(Type.String()), label: Type.String(), note: Type.String(), addedBy: Type.String(), addedByAgencyId: Nullable(Uuid), createdAt: IsoDateTime },
  { $id: 'CaseAttachment' },
);
const Event = Type.Object(
  { id: Uuid, kind: Type.String({ description: 'open, edit, sighting, attachment, situation, notify, extend, material, response, status, transition, clarification' }), at: IsoDateTime, occurredAt: IsoDateTime, text: Type.String(), data: Type.Record(Type.String(), Type.Unknown()), actorLabel: Type.String(), actorAgencyId: Nullable(Uuid) },
  { $id: 'CaseEvent' },
);
const summaryFields = {
  id: Uuid,
  reference: Type.String({ description: 'VV-<year>-<number>' }),
  title: Type.String(),
  status: Status,
  severity: Severity,
  topicIds: Type.Array(Uuid),
  languages: Type.Array(Type.String()),
  firstSeenAt: Nullable(IsoDateTime),
  openedByAgencyId: Uuid,
  openedBy: Type.String(),
  takenUp: Type.Boolean({ description: 'The DIC has taken up the case (always true for cases it opened)' }),
  agencies: Type.Array(AgencyDeadline, { description: 'Notified agencies and their deadlines' }),
  nextDueDate: Nullable(IsoDate),
  overdueCount: Type.Integer(),
  clarificationItemId: Nullable(Uuid),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};
export const CaseSummary = Type.Object(summaryFields, { $id: 'CaseSummary' });
export const Case = Type.Object(
  {
    ...summaryFields,
    falseText: Type.String(),
    claimant: Type.String(),
    rating: Nullable(Rating),
    reach: Nullable(Type.Integer()),
    dossier: Dossier,
    takenUpAt: Nullable(IsoDateTime),
    closedReason: Nullable(Type.String()),
    closedAt: Nullable(IsoDateTime),
    reopenReason: Nullable(Type.String()),
    clarification: Nullable(
      Type.Object({ itemId: Uuid, versionId: Uuid, publishedAt: Nullable(IsoDateTime), versions: Type.Array(Type.Object({ versionId: Uuid, language: Type.String(), state: Type.String(), online: Type.Boolean() })) }),
    ),
    sightings: Type.Array(Type.Ref('CaseSighting')),
    assignments: Type.Array(Type.Ref('CaseAssignment')),
    responses: Type.Array(Type.Ref('CaseResponse')),
    attachments: Type.Array(Type.Ref('CaseAttachment')),
    timeline: Type.Array(Type.Ref('CaseEvent')),
    allowed: Type.Object(
      {
        edit: Type.Boolean(),
        contribute: Type.Boolean({ description: 'Add sightings, evidence, situation updates' }),
        notify: Type.Boolean(),
        extend: Type.Boolean(),
        answerFor: Type.Array(Uuid, { description: 'Agencies whose material and responses you may record' }),
        createClarification: Type.Boolean(),
        transitions: Type.Array(lit(CASE_TRANSITION_NAMES)),
      },
      { description: 'What the reader may do now (for the UI; the server checks again)' },
    ),
  },
  { $id: 'Case' },
);
export const CaseList = Type.Object({ items: Type.Array(Type.Ref('CaseSummary')), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
export const Precedents = Type.Object({
  cases: Type.Array(Type.Ref('CaseSummary')),
  clarifications: Type.Array(Type.Object({ versionId: Uuid, itemId: Uuid, language: Type.String(), agencyId: Uuid, title: Type.String(), summary: Type.String(), publishedAt: Nullable(IsoDateTime) })),
});
export const Figures = Type.Object({
  items: Type.Array(
    Type.Object({
      quarter: Type.String({ description: 'YYYY-Qn (local calendar)' }),
      agencyId: Uuid,
      opened: Type.Integer({ description: 'Cases the agency opened' }),
      notified: Type.Integer({ description: 'Notifications the agency received' }),
      answeredOnTime: Type.Integer(),
      answeredLate: Type.Integer(),
      overdue: Type.Integer(),
      pending: Type.Integer(),
      averageResponseHours: Nullable(Type.Number()),
    }),
  ),
});

export const caseSchemas = [Sighting, Assignment, Response, Attachment, Event, CaseSummary, Case];
