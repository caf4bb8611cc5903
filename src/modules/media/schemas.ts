// Request and response schemas of the media library.
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';
import { LICENCES, VISIBILITIES } from '../content/service.js';

const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const str = (max: number) => Type.String({ maxLength: max });
const PerLanguage = (max: number, description: string) =>
  Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$' }), str(max), { maxProperties: 20, description });

const MEDIA_ID = '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
const AGENCY_ID = '9f8e7d6c-5b4a-4321-8fed-cba987654321';

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
      Type.Object(
        {
          author: Type.Optional(Type.String()),
          dateTaken: Type.Optional(Type.String()),
          caption: Type.Optional(Type.String()),
          copyright: Type.Optional(Type.String()),
          place: Type.Optional(Type.String()),
        },
        { description: 'EXIF/IPTC/XMP values read from the file (library readers only)' },
      ),
    ),
    gps: Type.Optional(Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number() }))),
    video: Type.Optional(Type.Object({ probed: Type.Boolean(), codec: Type.Optional(Type.String()) })),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    createdByLabel: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer({ description: 'For If-Match style updates (library readers only)' })),
    duplicate: Type.Optional(Type.Boolean({ description: 'On upload: the agency already had this exact file; nothing new was stored' })),
  },
  {
    $id: 'Media',
    description: 'A file of the media library',
    examples: [
      {
        id: MEDIA_ID,
        agencyId: AGENCY_ID,
        kind: 'image',
        sha256: '9d4e1f0a7b3c2d8e5f6a1b4c7d0e3f2a9b8c5d6e1f4a7b0c3d2e9f8a5b6c1d4e',
        mime: 'image/jpeg',
        size: 4182736,
        fileName: 'ngo-mon-le-khai-mac.jpg',
        width: 4000,
        height: 2667,
        durationSeconds: null,
        pageCount: null,
        title: { vi: 'Ngọ Môn đêm khai mạc Festival Huế 2026', en: 'Noon Gate on the opening night of Huế Festival 2026' },
        caption: { vi: 'Quảng trường Ngọ Môn tối 4/6/2026.', en: 'Ngọ Môn Square on the evening of 4 June 2026.' },
        alt: { vi: 'Cổng Ngọ Môn rực sáng ánh đèn, khán giả đông kín quảng trường', en: 'The illuminated Noon Gate with a crowded square in front' },
        authors: ['Phan Thanh Hải'],
        tags: ['festival', 'Đại Nội'],
        dateTaken: '2026-06-04',
        place: 'Ngọ Môn, Đại Nội Huế',
        copyrightHolder: 'Sở Ngoại vụ thành phố Huế',
        licence: 'CC-BY-4.0',
        visibility: 'public',
        focalPoint: { x: 0.5, y: 0.4 },
        keepGps: false,
        variantsStatus: 'ready',
        variants: [
          { name: 'w800', url: `/api/v1/media/${MEDIA_ID}/variants/1/w800.webp`, width: 800, height: 533, format: 'webp', size: 61234 },
          {
            name: 'square400',
            url: `/api/v1/media/${MEDIA_ID}/variants/1/square400.webp`,
            width: 400,
            height: 400,
            format: 'webp',
            size: 28110,
            crop: 'square',
          },
        ],
        originalUrl: `/api/v1/media/${MEDIA_ID}/original`,
        createdAt: '2026-06-04T14:05:00.000Z',
        updatedAt: '2026-06-04T14:20:00.000Z',
        createdByLabel: 'Trần Thị Hoa',
        version: 2,
      },
    ],
  },
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
    focalPoint: Type.Optional(
      Type.Object({ x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      { version: 1, alt: { vi: 'Cổng Ngọ Môn rực sáng ánh đèn', en: 'The illuminated Noon Gate' }, licence: 'CC-BY-4.0', focalPoint: { x: 0.5, y: 0.4 } },
    ],
  },
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

export const StorageUsage = Type.Object(
  {
    agencyId: Uuid,
    usedBytes: Type.Integer(),
    files: Type.Integer(),
    quotaBytes: Type.Integer(),
    customQuota: Type.Boolean(),
  },
  { examples: [{ agencyId: AGENCY_ID, usedBytes: 7516192768, files: 1843, quotaBytes: 21474836480, customQuota: false }] },
);

export const mediaSchemas = [MediaSchema];
