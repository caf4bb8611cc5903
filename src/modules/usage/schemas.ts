// TypeBox schemas of the usage report (= its OpenAPI description).
import { Type } from 'typebox';
import { IsoDateTime, Nullable } from '../../http/schemas.js';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD, a calendar day in Asia/Ho_Chi_Minh' });

export const UsageQuery = Type.Object(
  {
    from: Type.Optional({ ...IsoDate, description: 'First day (default: 29 days before `to`)' }),
    to: Type.Optional({ ...IsoDate, description: 'Last day, included (default: today); at most 366 days after `from`' }),
    agencyId: Type.Optional(Type.String({ format: 'uuid', description: 'Only principals of this agency' })),
    clientId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this API client (its id, not its ttdn_… key)' })),
  },
  { additionalProperties: false },
);

const counters = {
  requests: Type.Integer({ description: 'Requests to /api/v1' }),
  itemReads: Type.Integer({ description: 'Items returned by successful reads of items, language versions, published versions and changes' }),
  originalDownloads: Type.Integer({ description: 'Downloads of original media files' }),
  writes: Type.Integer({ description: 'Successful requests other than GET/HEAD/OPTIONS' }),
  errors: Type.Integer({ description: 'Responses 400–599 except 429' }),
  rateLimited: Type.Integer({ description: 'Requests refused with 429' }),
  bytesOut: Type.Integer({ description: 'Bytes of response bodies' }),
};

export const UsageCounters = Type.Object(counters, { $id: 'UsageCounters' });
export const UsageDay = Type.Object({ day: IsoDate, ...counters }, { $id: 'UsageDay' });

const days = Type.Array(Type.Ref('UsageDay'), { description: 'Days with any request, in order' });

export const PrincipalUsage = Type.Object(
  {
    principal: Type.String({ description: 'client:<id> | user:<id> | ip:<address>' }),
    kind: Type.Union([Type.Literal('client'), Type.Literal('user'), Type.Literal('ip')]),
    clientId: Nullable(Type.String()),
    userId: Nullable(Type.String()),
    agencyId: Nullable(Type.String()),
    name: Type.String({ description: "The client's name, the person's name (user name), or the address" }),
    clientKey: Nullable(Type.String({ description: "The client's public identifier (ttdn_…)" })),
    terms: Nullable(Type.Object({ version: Type.String(), acceptedAt: IsoDateTime }, { description: 'Terms of use accepted for the client' })),
    revoked: Type.Boolean({ description: 'The client has since been revoked' }),
    totals: Type.Ref('UsageCounters'),
    days,
  },
  { $id: 'PrincipalUsage' },
);

export const AgencyUsage = Type.Object(
  {
    agencyId: Nullable(Type.String({ description: 'null: anonymous callers' })),
    nameVi: Nullable(Type.String()),
    nameEn: Nullable(Type.String()),
    totals: Type.Ref('UsageCounters'),
    days,
  },
  { $id: 'AgencyUsage' },
);

export const UsageReport = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    principals: Type.Array(Type.Ref('PrincipalUsage'), { description: 'Most requests first, at most 500' }),
    agencies: Type.Array(Type.Ref('AgencyUsage'), { description: 'Most requests first' }),
    days: days,
    totals: Type.Ref('UsageCounters'),
    truncated: Type.Boolean({ description: 'More principals were active than listed; agencies, days and totals count them all' }),
  },
  {
    $id: 'UsageReport',
    examples: [
      {
        from: '2026-03-01',
        to: '2026-03-01',
        principals: [
          {
            principal: 'client:2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
            kind: 'client',
            clientId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
            userId: null,
            agencyId: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
            name: 'Cổng thông tin điện tử Sở Du lịch',
            clientKey: 'ttdn_c_4f2a9c1e7b3d',
            terms: { version: '2026-11', acceptedAt: '2026-03-01T08:00:00.000Z' },
            revoked: false,
            totals: { requests: 1240, itemReads: 5120, originalDownloads: 3, writes: 0, errors: 2, rateLimited: 0, bytesOut: 18874368 },
            days: [{ day: '2026-03-01', requests: 1240, itemReads: 5120, originalDownloads: 3, writes: 0, errors: 2, rateLimited: 0, bytesOut: 18874368 }],
          },
        ],
        agencies: [
          {
            agencyId: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
            nameVi: 'Sở Ngoại vụ thành phố Huế',
            nameEn: 'Department of Foreign Affairs of Huế City',
            totals: { requests: 1240, itemReads: 5120, originalDownloads: 3, writes: 0, errors: 2, rateLimited: 0, bytesOut: 18874368 },
            days: [{ day: '2026-03-01', requests: 1240, itemReads: 5120, originalDownloads: 3, writes: 0, errors: 2, rateLimited: 0, bytesOut: 18874368 }],
          },
        ],
        days: [{ day: '2026-03-01', requests: 1240, itemReads: 5120, originalDownloads: 3, writes: 0, errors: 2, rateLimited: 0, bytesOut: 18874368 }],
        totals: { requests: 1240, itemReads: 5120, originalDownloads: 3, writes: 0, errors: 2, rateLimited: 0, bytesOut: 18874368 },
        truncated: false,
      },
    ],
  },
);

export const usageSchemas = [UsageCounters, UsageDay, PrincipalUsage, AgencyUsage, UsageReport];
