// TypeBox schemas of the webhooks API (= its OpenAPI document).
import { Type } from 'typebox';
import { exampleOf, IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';

// ----- examples of the OpenAPI document (Redocly checks them against these schemas) -----
const SUBSCRIPTION_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const CLIENT_ID = '2b7e4c9a-1d3f-4a8b-9c6e-5f0a1b2c3d4e';
const AGENCY_ID = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
const DELIVERY_ID = 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a';
const ITEM_ID = '5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b';
const VERSION_ID = '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f';
const HOOK_URL = 'https://newsroom.example.vn/hooks/ttdn';
const subscriptionExample = {
  id: SUBSCRIPTION_ID,
  url: HOOK_URL,
  events: ['published', 'updated', 'unpublished', 'deleted'],
  description: 'Cổng tin Sở Du lịch Huế: đồng bộ tin lễ hội',
  active: true,
  disabledReason: null,
  owner: { type: 'client', id: CLIENT_ID },
  agencyId: AGENCY_ID,
  createdAt: '2026-06-01T02:00:00.000Z',
  updatedAt: '2026-06-01T02:00:00.000Z',
};
const deliveryExample = {
  id: DELIVERY_ID,
  subscriptionId: SUBSCRIPTION_ID,
  changeSeq: 1234,
  event: 'published',
  status: 'delivered',
  attempts: 2,
  nextAttemptAt: null,
  lastAttemptAt: '2026-06-04T12:01:02.000Z',
  lastStatus: 204,
  lastError: null,
  createdAt: '2026-06-04T12:00:01.000Z',
  deliveredAt: '2026-06-04T12:01:02.000Z',
  body: {
    type: 'change',
    subscriptionId: SUBSCRIPTION_ID,
    event: 'published',
    seq: 1234,
    cursor: 'c2VxOjEyMzQ',
    at: '2026-06-04T12:00:00.000Z',
    itemId: ITEM_ID,
    versionId: VERSION_ID,
    language: 'vi',
    kind: 'news',
    agencyId: AGENCY_ID,
    visibility: 'public',
    contentHash: 'c1f0e5a2b7d94f3e8a6b2c9d0e1f4a7b3c8d5e2f9a0b6c1d7e4f8a3b5c2d9e0f',
    links: {
      changes: 'https://ttdn.hue.gov.vn/api/v1/changes?since=c2VxOjEyMzM',
      published: `https://ttdn.hue.gov.vn/api/v1/item-versions/${VERSION_ID}/published`,
    },
  },
  attemptLog: [
    { at: '2026-06-04T12:00:02.000Z', status: 503, error: 'HTTP 503' },
    { at: '2026-06-04T12:01:02.000Z', status: 204, error: null },
  ],
};

const Event = Type.Union(
  ['published', 'updated', 'unpublished', 'deleted'].map((e) => Type.Literal(e)),
  { description: 'A change event as GET /api/v1/changes names it for the subscriber' },
);

export const SubscriptionBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'http(s) URL the deliveries are POSTed to',
      examples: ['https://newsroom.example.vn/hooks/ttdn'],
    }),
    events: Type.Array(Event, { minItems: 1, maxItems: 4, uniqueItems: true, description: 'Events wanted' }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  {
    additionalProperties: false,
    examples: [{ url: HOOK_URL, events: ['published', 'updated', 'unpublished', 'deleted'], description: 'Cổng tin Sở Du lịch Huế: đồng bộ tin lễ hội' }],
  },
);

export const SubscriptionPatch = Type.Object(
  {
    url: Type.Optional(SubscriptionBody.properties.url),
    events: Type.Optional(SubscriptionBody.properties.events),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    active: Type.Optional(Type.Boolean({ description: 'false pauses deliveries (changes meanwhile are not queued)' })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ active: true }, { events: ['published', 'updated'], description: 'Chỉ tin mới và tin cập nhật về Festival Huế' }],
  },
);

export const Subscription = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    events: Type.Array(Type.String()),
    description: Type.String(),
    active: Type.Boolean(),
    disabledReason: Nullable(
      Type.String({
        description:
          'Why the system disabled it ("delivery_failures: …" after repeated failed deliveries); null when active or paused by its owner. Resuming clears it.',
      }),
    ),
    owner: Type.Object(
      { type: Type.Union([Type.Literal('client'), Type.Literal('user')]), id: Uuid },
      { description: 'The API client or person who registered it' },
    ),
    agencyId: Uuid,
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { examples: [subscriptionExample] },
);

export const SubscriptionWithSecret = Type.Object(
  {
    ...Subscription.properties,
    secret: Type.String({ description: 'The signing secret (whsec_…), shown only now: store it' }),
  },
  { examples: [{ ...subscriptionExample, secret: 'whsec_Hx4Qm8Tz2Vb6Nc1Lp9Rw3Ks7Dy5Fg0Ja' }] },
);

export const SubscriptionList = Type.Object(
  {
    items: Type.Array(Subscription),
    nextCursor: Nullable(Uuid),
  },
  { examples: [{ items: [exampleOf(Subscription)], nextCursor: null }] },
);

export const ListQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ format: 'uuid', description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

export const DeliveryQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 0, description: 'nextCursor of the previous page (a change seq)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

export const Delivery = Type.Object(
  {
    id: Uuid,
    subscriptionId: Uuid,
    changeSeq: Type.Integer({ description: 'Position of the change in the stream' }),
    event: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')], {
      description: 'failed: gave up after 6 attempts (POST …/redeliver queues it again)',
    }),
    attempts: Type.Integer(),
    nextAttemptAt: Nullable(IsoDateTime),
    lastAttemptAt: Nullable(IsoDateTime),
    lastStatus: Nullable(Type.Integer({ description: 'HTTP status of the last attempt; null when no answer' })),
    lastError: Nullable(Type.String()),
    createdAt: IsoDateTime,
    deliveredAt: Nullable(IsoDateTime),
    body: Type.Record(Type.String(), Type.Unknown(), { description: 'The JSON body POSTed' }),
    attemptLog: Type.Array(Type.Object({ at: IsoDateTime, status: Nullable(Type.Integer()), error: Nullable(Type.String()) }), {
      description: 'Every attempt, oldest first',
    }),
  },
  { examples: [deliveryExample] },
);

export const DeliveryList = Type.Object(
  {
    items: Type.Array(Delivery),
    nextCursor: Nullable(Type.Integer()),
  },
  { examples: [{ items: [exampleOf(Delivery)], nextCursor: 1187 }] },
);

export const PingResult = Type.Object(
  {
    id: Uuid,
    ok: Type.Boolean({ description: 'The receiver answered 2xx' }),
    status: Nullable(Type.Integer()),
    error: Nullable(Type.String()),
  },
  {
    examples: [
      { id: SUBSCRIPTION_ID, ok: true, status: 204, error: null },
      { id: SUBSCRIPTION_ID, ok: false, status: null, error: 'timeout after 10 s' },
    ],
  },
);

export const DeliveryParams = Type.Object({ id: Uuid, deliveryId: Uuid }, { additionalProperties: false });
