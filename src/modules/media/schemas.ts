// Request and response schemas of the media library.
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';
import { LICENCES, VISIBILITIES } from '../content/service.js';

const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const str = (max: number) => Type.String({ maxLength: max });
const PerLanguage = (max: number, description: string) =>
  Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$' }), str(max), { maxProperties: 20, description });

export const MediaKindSchema = lit(['image', 'video', 'document'] as const);

export const Variant = Type.Object({
  name: Type.String(),
  url: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  format: lit(['webp', 'avif'] as const),
  size: Type.Integer(),
  crop: Type.Optional(lit(['square', 'social'] as const)),
});

export const MediaSchema = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    kind: MediaKindSchema,
    sha256: Type.String({ description: 'SHA-256 of the original file (hex): verify what you downloaded' }),
    mime: Type.String(),
    size: Type.Integer({ description: 'bytes' }),
    fileName: Type.String(),
    width: Nullable(Type.Integer()),
    height: Nullable(Type.Integer()),
    durationSeconds: Nullable(Type.Number()),
    pageCount: Nullable(Type.Integer()),
    title: PerLanguage(500, 'Title per language'),
    caption: PerLanguage(2000, 'Caption per language'),
    alt: PerLanguage(1000, 'Alternative text per language (images)'),
    authors: Type.Array(Type.String()),
    tags: Type.Array(Type.String()),
    dateTaken: Nullable(Type.String({ format: 'date' })),
    place: Type.String(),
    copyrightHolder: Type.String(),
    licence: Nullable(Type.String()),
    visibility: lit(VISIBILITIES),
    focalPoint: Type.Object({ x: Type.Number(), y: Type.Number() }),
    keepGps: Type.Boolean(),
    variantsStatus: lit(['none', 'pending', 'processing', 'ready', 'failed'] as const),
    variants: Type.Array(Variant),
    originalUrl: Nullable(Type.String({ description: 'Download of the original; null when the reader may only have the variants (R6.3)' })),
    embedded: Type.Optional(
      Type.Object({ author: Type.Optional(Type.String()), dateTaken: Type.Optional(Type.String()), caption: Type.Optional(Type.String()), copyright: Type.Optional(Type.String()), place: Type.Optional(Type.String()) }, { description: 'EXIF/IPTC/XMP values read from the file (library readers only)' }),
    ),
    gps: Type.Optional(Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number() }))),
    video: Type.Optional(Type.Object({ probed: Type.Boolean(), codec: Type.Optional(Type.String()) })),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    createdByLabel: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer({ description: 'For If-Match style updates (library readers only)' })),
    duplicate: Type.Optional(Type.Boolean({ description: 'On upload: the agency already had this exact file; nothing new was stored' })),
  },
  { $id: 'Media', description: 'A file of the media library' },
);

export const UpdateMediaBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(PerLanguage(500, 'Title per language')),
    caption: Type.Optional(PerLanguage(2000, 'Caption per language')),
    alt: Type.Optional(PerLanguage(1000, 'Alternative text per language')),
    authors: Type.Optional(Type.Array(str(200), { maxItems: 20 })),
    tags: Type.Optional(Type.Array(str(100), { maxItems: 50 })),
    dateTaken: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    place: Type.Optional(str(300)),
    copyrightHolder: Type.Optional(str(300)),
    licence: Type.Optional(Nullable(lit(LICENCES))),
    visibility: Type.Optional(lit(VISIBILITIES)),
    keepGps: Type.Optional(Type.Boolean({ description: 'Keep the position (and other EXIF) in the public variants' })),
    focalPoint: Type.Optional(Type.Object({ x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const ListMediaQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    kind: Type.Optional(MediaKindSchema),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

export const StorageUsage = Type.Object({
  agencyId: Uuid,
  usedBytes: Type.Integer(),
  files: Type.Integer(),
  quotaBytes: Type.Integer(),
  customQuota: Type.Boolean(),
});

export const mediaSchemas = [MediaSchema];
