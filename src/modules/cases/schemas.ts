// Request and response schemas of clarification cases (= the OpenAPI document).
import { Type } from 'typebox';
import { exampleOf, IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';
import { CLAIM_RATINGS, LICENCES } from '../content/service.js';
import { CASE_STATUSES, CASE_TRANSITION_NAMES, REMINDER_KINDS, RESPONSE_FORMS, SEVERITIES } from './model.js';

const lit = <T extends string>(xs: readonly T[], description?: string) =>
  Type.Union(
    xs.map((x) => Type.Literal(x)),
    description ? { description } : {},
  );
const str = (max: number, extra: Record<string, unknown> = {}) => Type.String({ maxLength: max, ...extra });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD (a local date, Asia/Ho_Chi_Minh)' });
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', maxLength: 12, description: 'Language code (ISO 639)' });
const Url = Type.String({ pattern: '^https?://', maxLength: 2000, description: 'http(s) URL' });
export const Status = lit(CASE_STATUSES, 'opened → agencies_notified → material_received → clarification_published | closed_without_publication → closed');
export const Severity = lit(SEVERITIES);
export const Form = lit(
  RESPONSE_FORMS,
  'Art. 4.4: press release, spokesperson statement, press briefing / monthly press conference, post on the agency portal, information given to the press',
);
const Rating = lit(CLAIM_RATINGS, 'How false the information is (ClaimReview rating)');

// ----- examples of the OpenAPI document (Redocly checks them against these schemas) -----
const CASE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const DIC_ID = 'c0d1e2f3-a4b5-4c6d-9e7f-8a9b0c1d2e3f';
const AGENCY_ID = '7c6b5a49-3827-4e16-9d05-f4e3d2c1b0a9';
const TOPIC_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e';
const MEDIA_ID = '4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a';
const ITEM_ID = '5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b';
const VERSION_VI = '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f';
const VERSION_EN = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const FALSE_TEXT = 'Cầu Trường Tiền sẽ bị đóng cửa vĩnh viễn từ tháng 10, người đi bộ và xe máy không được qua lại.';
const POST_URL = 'https://facebook.com/hue24h/posts/123';
const sightingExample = {
  id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
  url: POST_URL,
  platform: 'Facebook',
  language: 'vi',
  seenAt: '2026-10-04T13:20:00.000Z',
  reach: 45000,
  note: 'Bài đăng trên trang "Huế 24h", hơn 1.200 lượt chia sẻ.',
  addedBy: 'tranthihoa',
  createdAt: '2026-10-05T01:10:00.000Z',
};
const deadlineExample = { dueDate: '2026-10-12', deadlineAt: '2026-10-12T17:00:00.000Z', daysLeft: 4, overdue: false, answered: false, answeredOnTime: null };
const assignmentExample = {
  id: 'f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c',
  agencyId: AGENCY_ID,
  notifiedAt: '2026-10-05T02:30:00.000Z',
  notifiedBy: 'tranthihoa',
  message: 'Đề nghị Sở Xây dựng cung cấp thông tin về kế hoạch duy tu cầu Trường Tiền.',
  ...deadlineExample,
  originalDueDate: '2026-10-12',
  extensions: [],
  materialReceivedAt: null,
  materialNote: '',
  materialLinks: [],
  materialMediaIds: [],
  reminders: [],
};
const responseExample = {
  id: 'b4c5d6e7-f8a9-4b0c-8d1e-2f3a4b5c6d7e',
  agencyId: AGENCY_ID,
  form: 'agency_portal_post',
  date: '2026-10-07',
  links: ['https://sxd.hue.gov.vn/tin-tuc/cau-truong-tien-van-luu-thong-binh-thuong'],
  mediaIds: [],
  languages: ['vi', 'en'],
  note: 'Đăng thông cáo trên cổng thông tin của Sở, bản tiếng Việt và tiếng Anh.',
  createdBy: 'lequanghuy',
  createdAt: '2026-10-07T03:00:00.000Z',
};
const attachmentExample = {
  id: 'c5d6e7f8-a9b0-4c1d-9e2f-3a4b5c6d7e8f',
  mediaId: MEDIA_ID,
  url: null,
  label: 'Ảnh chụp màn hình bài đăng',
  note: 'Chụp lúc 20:30 ngày 04/10/2026.',
  addedBy: 'tranthihoa',
  addedByAgencyId: DIC_ID,
  createdAt: '2026-10-05T01:15:00.000Z',
};
const eventExample = {
  id: 'd6e7f8a9-b0c1-4d2e-8f3a-4b5c6d7e8f9a',
  kind: 'notify',
  at: '2026-10-05T02:30:00.000Z',
  occurredAt: '2026-10-05T02:30:00.000Z',
  text: 'Đã thông báo Sở Xây dựng thành phố Huế, hạn 12/10/2026.',
  data: { caseId: CASE_ID, dueDate: '2026-10-12' },
  actorLabel: 'tranthihoa',
  actorAgencyId: DIC_ID,
};
const summaryExample = {
  id: CASE_ID,
  reference: 'VV-2026-0007',
  title: 'Tin sai: cầu Trường Tiền bị đóng cửa vĩnh viễn',
  status: 'agencies_notified',
  severity: 'high',
  topicIds: [TOPIC_ID],
  languages: ['vi'],
  firstSeenAt: '2026-10-04T12:45:00.000Z',
  openedByAgencyId: DIC_ID,
  openedBy: 'tranthihoa',
  takenUp: true,
  agencies: [{ agencyId: AGENCY_ID, ...deadlineExample }],
  nextDueDate: '2026-10-12',
  overdueCount: 0,
  clarificationItemId: null,
  version: 3,
  createdAt: '2026-10-05T01:10:00.000Z',
  updatedAt: '2026-10-05T02:30:00.000Z',
};
const caseExample = {
  ...summaryExample,
  falseText: FALSE_TEXT,
  claimant: 'Trang Facebook "Huế 24h"',
  rating: 'false',
  reach: 45000,
  dossier: {
    situation: 'Bài đăng xuất hiện tối 04/10/2026 và được chia sẻ lại trên nhiều nhóm du lịch.',
    impact: 'Gây hoang mang cho người dân và du khách dịp Festival Huế.',
    facts: 'Cầu Trường Tiền chỉ tạm hạn chế xe máy vào ban đêm trong 5 ngày để sơn lại lan can; người đi bộ vẫn qua lại bình thường.',
  },
  takenUpAt: '2026-10-05T01:10:00.000Z',
  closedReason: null,
  closedAt: null,
  reopenReason: null,
  clarification: null,
  sightings: [sightingExample],
  assignments: [assignmentExample],
  responses: [],
  attachments: [attachmentExample],
  timeline: [eventExample],
  allowed: {
    edit: true,
    contribute: true,
    notify: true,
    extend: true,
    answerFor: [AGENCY_ID],
    createClarification: true,
    transitions: ['mark-published', 'close-without-publication'],
  },
};

const Dossier = Type.Object(
  {
    situation: Type.Optional(str(20_000, { description: '(a) the situation since the false information appeared' })),
    impact: Type.Optional(str(20_000, { description: '(b) impact on the image of agencies and the province' })),
    facts: Type.Optional(str(20_000, { description: '(c) the true nature of the facts' })),
    legalGrounds: Type.Optional(str(20_000, { description: '(d) domestic and international legal grounds, experience, precedents' })),
    messaging: Type.Optional(str(20_000, { description: '(đ) proposed press messaging and orientation of public opinion' })),
  },
  { additionalProperties: false, examples: [caseExample.dossier] },
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
  {
    additionalProperties: false,
    examples: [
      {
        url: 'https://www.tiktok.com/@dulichhue/video/7423150000000000000',
        platform: 'TikTok',
        language: 'vi',
        seenAt: '2026-10-05T09:00:00.000Z',
        reach: 12000,
        note: 'Video lặp lại nội dung bài đăng trên Facebook.',
      },
    ],
  },
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

export const OpenCaseBody = Type.Object(
  { ...caseFields, sightings: Type.Optional(Type.Array(SightingBody, { maxItems: 50 })) },
  {
    additionalProperties: false,
    examples: [
      {
        title: 'Tin sai: cầu Trường Tiền bị đóng cửa vĩnh viễn',
        falseText: FALSE_TEXT,
        severity: 'high',
        topicIds: [TOPIC_ID],
        languages: ['vi'],
        claimant: 'Trang Facebook "Huế 24h"',
        rating: 'false',
        firstSeenAt: '2026-10-04T12:45:00.000Z',
        reach: 45000,
        sightings: [{ url: POST_URL, platform: 'Facebook', language: 'vi' }],
        dossier: { impact: 'Gây hoang mang cho người dân và du khách dịp Festival Huế.' },
      },
    ],
  },
);
export const UpdateCaseBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; another one means someone saved meanwhile (409)' }),
    ...Type.Partial(Type.Object(caseFields)).properties,
  },
  {
    additionalProperties: false,
    examples: [
      {
        version: 3,
        severity: 'critical',
        dossier: {
          ...caseExample.dossier,
          legalGrounds: 'Nghị định 72/2013/NĐ-CP; thông báo tổ chức giao thông của Sở Xây dựng ngày 01/10/2026.',
          messaging: 'Khẳng định cầu vẫn mở cho người đi bộ; công bố lịch sơn lan can và các tuyến thay thế.',
        },
      },
    ],
  },
);
export const AttachmentBody = Type.Object(
  { mediaId: Type.Optional(Uuid), url: Type.Optional(Url), label: Type.Optional(str(300)), note: Type.Optional(str(2000)) },
  {
    additionalProperties: false,
    description: 'Exactly one of mediaId (a file of your media library) and url',
    examples: [
      { mediaId: MEDIA_ID, label: 'Ảnh chụp màn hình bài đăng', note: 'Chụp lúc 20:30 ngày 04/10/2026.' },
      { url: 'https://web.archive.org/web/20261004133000/' + POST_URL, label: 'Bản lưu trữ bài đăng' },
    ],
  },
);
export const SituationBody = Type.Object(
  { text: str(20_000, { minLength: 1 }), occurredAt: Type.Optional(IsoDateTime) },
  {
    additionalProperties: false,
    examples: [{ text: 'Ba báo điện tử đã đăng lại thông tin sai; một báo đã gỡ bài sau khi được liên hệ.', occurredAt: '2026-10-06T03:00:00.000Z' }],
  },
);
export const NotifyBody = Type.Object(
  { agencyIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }), message: Type.Optional(str(5000)), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  {
    additionalProperties: false,
    examples: [{ agencyIds: [AGENCY_ID], message: 'Đề nghị Sở Xây dựng cung cấp thông tin về kế hoạch duy tu cầu Trường Tiền.', version: 2 }],
  },
);
export const ExtendBody = Type.Object(
  { dueDate: IsoDate, reason: str(2000, { minLength: 1 }) },
  { additionalProperties: false, examples: [{ dueDate: '2026-10-15', reason: 'Chờ kết quả kiểm định kết cấu cầu của đơn vị tư vấn.' }] },
);
export const MaterialBody = Type.Object(
  { note: str(50_000, { minLength: 1 }), links: Type.Optional(Type.Array(Url, { maxItems: 50 })), mediaIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })) },
  {
    additionalProperties: false,
    examples: [
      {
        note: 'Cầu Trường Tiền chỉ hạn chế xe máy từ 22:00 đến 05:00 trong 5 ngày (10–14/10/2026) để sơn lại lan can; người đi bộ qua lại bình thường.',
        links: ['https://sxd.hue.gov.vn/thong-bao/to-chuc-giao-thong-cau-truong-tien'],
        mediaIds: [MEDIA_ID],
      },
    ],
  },
);
export const ResponseBody = Type.Object(
  {
    agencyId: Type.Optional(
      Type.String({ format: 'uuid', description: 'The answering agency; defaults to your own (the DIC records for an agency by naming it)' }),
    ),
    form: Form,
    date: IsoDate,
    links: Type.Optional(Type.Array(Url, { maxItems: 50 })),
    mediaIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    languages: Type.Optional(Type.Array(Lang, { maxItems: 20, description: 'Languages of a portal post' })),
    note: Type.Optional(str(5000)),
  },
  {
    additionalProperties: false,
    examples: [
      {
        agencyId: AGENCY_ID,
        form: 'agency_portal_post',
        date: '2026-10-07',
        links: responseExample.links,
        languages: ['vi', 'en'],
        note: responseExample.note,
      },
    ],
  },
);
export const TransitionParams = Type.Object({ id: Uuid, name: lit(CASE_TRANSITION_NAMES) }, { additionalProperties: false });
export const TransitionBody = Type.Object(
  {
    reason: Type.Optional(str(2000, { description: 'Required to close without publication and to reopen' })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  {
    additionalProperties: false,
    examples: [{ reason: 'Bài đăng đã bị gỡ và thông tin đã được báo chí đính chính; không cần đăng tin làm rõ.', version: 5 }, { version: 6 }],
  },
);
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false });
export const AgencyParams = Type.Object({ id: Uuid, agencyId: Uuid }, { additionalProperties: false });
const ItemText = Type.Object(
  { title: str(500), summary: str(3000), body: str(500_000, { description: 'Rich text (HTML); sanitised' }) },
  { additionalProperties: false },
);
export const ClarificationBody = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    rating: Type.Optional(Rating),
    texts: Type.Record(Lang, ItemText, { description: 'The item per language: the source language (first content language) and at least one more' }),
    statement: Type.Optional(
      Type.Record(Lang, str(5000), { description: 'The false information per language; the source language defaults to the case text' }),
    ),
    metadata: Type.Optional(
      Type.Object(
        {
          activityDate: Type.Optional(IsoDate),
          authors: Type.Optional(Type.Array(str(200), { maxItems: 20 })),
          tags: Type.Optional(Type.Array(str(100), { maxItems: 30 })),
          place: Type.Optional(str(300)),
          copyrightHolder: Type.Optional(str(300)),
          licence: Type.Optional(lit(LICENCES)),
          topicIds: Type.Optional(
            Type.Array(Uuid, {
              minItems: 1,
              maxItems: 20,
              description: "The item's topics; defaults to the case's. An item needs one to be submitted, so a case without topics must name them here",
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        agencyId: AGENCY_ID,
        rating: 'false',
        texts: {
          vi: {
            title: 'Cầu Trường Tiền không bị đóng cửa vĩnh viễn',
            summary: 'Cầu chỉ hạn chế xe máy vào ban đêm trong 5 ngày để sơn lại lan can.',
            body: '<p>Từ ngày 10 đến 14/10/2026, cầu Trường Tiền hạn chế xe máy từ 22:00 đến 05:00 để sơn lại lan can. Người đi bộ vẫn qua lại bình thường.</p>',
          },
          en: {
            title: 'Trường Tiền Bridge is not closed for good',
            summary: 'Motorbikes are restricted at night for five days while the railings are repainted.',
            body: '<p>From 10 to 14 October 2026, motorbikes may not cross Trường Tiền Bridge between 22:00 and 05:00 while its railings are repainted. Pedestrians cross as usual.</p>',
          },
        },
        statement: { en: 'Trường Tiền Bridge will be closed for good from October; pedestrians and motorbikes may no longer cross.' },
        metadata: {
          activityDate: '2026-10-07',
          authors: ['Sở Xây dựng thành phố Huế'],
          tags: ['cầu Trường Tiền', 'giao thông'],
          place: 'Thành phố Huế',
          copyrightHolder: 'Sở Xây dựng thành phố Huế',
          licence: 'CC-BY-4.0',
        },
      },
    ],
  },
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
export const PrecedentsQuery = Type.Object(
  { q: str(500, { minLength: 1 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
  { additionalProperties: false },
);
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
const Sighting = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    platform: Type.String(),
    language: Nullable(Type.String()),
    seenAt: Nullable(IsoDateTime),
    reach: Nullable(Type.Integer()),
    note: Type.String(),
    addedBy: Type.String(),
    createdAt: IsoDateTime,
  },
  { $id: 'CaseSighting', examples: [sightingExample] },
);
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
  { $id: 'CaseAssignment', examples: [assignmentExample] },
);
const Response = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    form: Form,
    date: IsoDate,
    links: Type.Array(Type.String()),
    mediaIds: Type.Array(Uuid),
    languages: Type.Array(Type.String()),
    note: Type.String(),
    createdBy: Type.String(),
    createdAt: IsoDateTime,
  },
  { $id: 'CaseResponse', examples: [responseExample] },
);
const Attachment = Type.Object(
  {
    id: Uuid,
    mediaId: Nullable(Uuid),
    url: Nullable(Type.String()),
    label: Type.String(),
    note: Type.String(),
    addedBy: Type.String(),
    addedByAgencyId: Nullable(Uuid),
    createdAt: IsoDateTime,
  },
  { $id: 'CaseAttachment', examples: [attachmentExample] },
);
const Event = Type.Object(
  {
    id: Uuid,
    kind: Type.String({ description: 'open, edit, sighting, attachment, situation, notify, extend, material, response, status, transition, clarification' }),
    at: IsoDateTime,
    occurredAt: IsoDateTime,
    text: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    actorLabel: Type.String(),
    actorAgencyId: Nullable(Uuid),
  },
  { $id: 'CaseEvent', examples: [eventExample] },
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
export const CaseSummary = Type.Object(summaryFields, { $id: 'CaseSummary', examples: [summaryExample] });
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
      Type.Object({
        itemId: Uuid,
        versionId: Uuid,
        publishedAt: Nullable(IsoDateTime),
        versions: Type.Array(Type.Object({ versionId: Uuid, language: Type.String(), state: Type.String(), online: Type.Boolean() })),
      }),
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
  { $id: 'Case', examples: [caseExample] },
);
export const CaseList = Type.Object(
  { items: Type.Array(Type.Ref('CaseSummary')), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() },
  { examples: [{ items: [exampleOf(CaseSummary)], total: 1, limit: 50, offset: 0 }] },
);
export const Precedents = Type.Object(
  {
    cases: Type.Array(Type.Ref('CaseSummary')),
    clarifications: Type.Array(
      Type.Object({
        versionId: Uuid,
        itemId: Uuid,
        language: Type.String(),
        agencyId: Uuid,
        title: Type.String(),
        summary: Type.String(),
        publishedAt: Nullable(IsoDateTime),
      }),
    ),
  },
  {
    examples: [
      {
        cases: [
          {
            ...summaryExample,
            id: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d',
            reference: 'VV-2025-0012',
            title: 'Tin sai: cấm xe qua cầu Trường Tiền suốt dịp Tết',
            status: 'closed',
            severity: 'medium',
            firstSeenAt: '2025-01-20T02:00:00.000Z',
            agencies: [
              {
                agencyId: AGENCY_ID,
                dueDate: '2025-01-28',
                deadlineAt: '2025-01-28T17:00:00.000Z',
                daysLeft: -619,
                overdue: false,
                answered: true,
                answeredOnTime: true,
              },
            ],
            nextDueDate: null,
            clarificationItemId: ITEM_ID,
            version: 9,
            createdAt: '2025-01-21T01:00:00.000Z',
            updatedAt: '2025-02-10T08:00:00.000Z',
          },
        ],
        clarifications: [
          {
            versionId: VERSION_VI,
            itemId: ITEM_ID,
            language: 'vi',
            agencyId: AGENCY_ID,
            title: 'Thông tin cấm xe qua cầu Trường Tiền dịp Tết là sai sự thật',
            summary: 'Cầu Trường Tiền vẫn lưu thông bình thường trong dịp Tết Ất Tỵ 2025.',
            publishedAt: '2025-01-24T09:00:00.000Z',
          },
          {
            versionId: VERSION_EN,
            itemId: ITEM_ID,
            language: 'en',
            agencyId: AGENCY_ID,
            title: 'No ban on crossing Trường Tiền Bridge over Tết',
            summary: 'Trường Tiền Bridge stayed open to traffic throughout the 2025 Lunar New Year.',
            publishedAt: '2025-01-24T09:30:00.000Z',
          },
        ],
      },
    ],
  },
);
export const Figures = Type.Object(
  {
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
  },
  {
    examples: [
      {
        items: [
          {
            quarter: '2026-Q3',
            agencyId: DIC_ID,
            opened: 4,
            notified: 0,
            answeredOnTime: 0,
            answeredLate: 0,
            overdue: 0,
            pending: 0,
            averageResponseHours: null,
          },
          {
            quarter: '2026-Q3',
            agencyId: AGENCY_ID,
            opened: 1,
            notified: 3,
            answeredOnTime: 2,
            answeredLate: 1,
            overdue: 0,
            pending: 0,
            averageResponseHours: 61.5,
          },
        ],
      },
    ],
  },
);

export const caseSchemas = [Sighting, Assignment, Response, Attachment, Event, CaseSummary, Case];
