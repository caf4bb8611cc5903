// TypeBox schemas of the webhooks API (= its OpenAPI document).
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';

const Event = Type.Union(
  ['published', 'updated', 'unpublished', 'deleted'].map((e) => Type.Literal(e)),
  { description: 'A change event as GET /api/v1/changes names it for the subscriber' },
);

export const SubscriptionBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL the deliveries are POSTed to', examples: ['https://newsroom.example.vn/hooks/ttdn'] }),
    events: Type.Array(Event, { minItems: 1, maxItems: 4, uniqueItems: true, description: 'Events wanted' }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const SubscriptionPatch = Type.Object(
  {
    url: Type.Optional(SubscriptionBody.properties.url),
    events: Type.Optional(SubscriptionBody.properties.events),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    active: Type.Optional(Type.Boolean({ description: 'false pauses deliveries (changes meanwhile are not queued)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Subscription = Type.Object({
  id: Uuid,
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Type.String(),
  active: Type.Boolean(),
  disabledReason: Nullable(Type.String({ description: 'Why the system disabled it ("delivery_failures: …" after repeated failed deliveries); null when active or paused by its owner. Resuming clears it.' })),
  owner: Type.Object({ type: Type.Union([Type.Literal('client'), Type.Literal('user')]), id: Uuid }, { description: 'The API client or person who registered it' }),
  agencyId: Uuid,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const SubscriptionWithSecret = Type.Object({
  ...Subscription.properties,
  secret: Type.String({ description: 'The signing secret (whsec_…), shown only now: store it' }),
});

export const SubscriptionList = Type.Object({
  items: Type.Array(Subscription),
  nextCursor: Nullable(Uuid),
});

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

export const Delivery = Type.Object({
  id: Uuid,
  subscriptionId: Uuid,
  changeSeq: Type.Integer({ description: 'Position of the change in the stream' }),
  event: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')], { description: 'failed: gave up after 6 attempts (POST …/redeliver queues it again)' }),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(IsoDateTime),
  lastAttemptAt: Nullable(IsoDateTime),
  lastStatus: Nullable(Type.Integer({ description: 'HTTP status of the last attempt; null when no answer' })),
  lastError: Nullable(Type.String()),
  createdAt: IsoDateTime,
  deliveredAt: Nullable(IsoDateTime),
  body: Type.Record(Type.String(), Type.Unknown(), { description: 'The JSON body POSTed' }),
  attemptLog: Type.Array(Type.Object({ at: IsoDateTime, status: Nullable(Type.Integer()), error: Nullable(Type.String()) }), { description: 'Every attempt, oldest first' }),
});

export const DeliveryList = Type.Object({
  items: Type.Array(Delivery),
  nextCursor: Nullable(Type.Integer()),
});

export const PingResult = Type.Object({
  id: Uuid,
  ok: Type.Boolean({ description: 'The receiver answered 2xx' }),
  status: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
});

export const DeliveryParams = Type.Object({ id: Uuid, deliveryId: Uuid }, { additionalProperties: false });
