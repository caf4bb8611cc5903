// Search's request and response schemas (= OpenAPI).
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../../http/schemas.js';
import { Kind, Language, lit, str, AGENCY_ID, ITEM_ID, VERSION_ID, textExample } from '../editorial/schemas.js';

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(str(200, { description: 'Words (with or without diacritics), "a phrase", -excluded, or' })),
    view: Type.Optional(lit(['published', 'working'] as const)),
    kind: Type.Optional(Kind),
    language: Type.Optional(Language),
    agencyId: Type.Optional(Uuid),
    topicId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const SearchResult = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        versionId: Uuid,
        itemId: Uuid,
        language: Type.String(),
        kind: Type.String(),
        agencyId: Uuid,
        state: Type.String(),
        title: Type.String(),
        titleHtml: Type.String({ description: 'Escaped HTML with <mark> around matches' }),
        summary: Type.String(),
        snippetHtml: Nullable(Type.String({ description: 'Escaped HTML with <mark> around matches, and … where the text was cut' })),
        publishedAt: Nullable(IsoDateTime),
        activityDate: Nullable(Type.String()),
        rank: Nullable(Type.Number()),
      }),
    ),
    total: Type.Integer(),
    totalIsCapped: Type.Boolean({ description: 'True when there are at least 1000 matches: only the newest 1000 are ranked and counted' }),
    page: Type.Integer(),
    limit: Type.Integer(),
    facets: Type.Array(Type.Object({ facet: Type.String(), value: Type.String(), count: Type.Integer() })),
    suggestions: Type.Array(Type.String(), {
      description: 'When fewer than 3 results: the query again with misspelt words replaced by known words of public content ("did you mean"); each finds more',
    }),
  },
  {
    examples: [
      {
        items: [
          {
            versionId: VERSION_ID,
            itemId: ITEM_ID,
            language: 'vi',
            kind: 'news',
            agencyId: AGENCY_ID,
            state: 'published',
            title: textExample.title,
            titleHtml: 'Lễ hội <mark>Festival</mark> <mark>Huế</mark> 2026 khai mạc tại Đại Nội',
            summary: textExample.summary,
            snippetHtml: '<mark>Festival</mark> <mark>Huế</mark> 2026 mở đầu với chương trình nghệ thuật trên sông Hương…',
            publishedAt: '2026-06-04T12:00:00.000Z',
            activityDate: '2026-06-04',
            rank: 0.61,
          },
        ],
        total: 1,
        totalIsCapped: false,
        page: 1,
        limit: 20,
        facets: [
          { facet: 'kind', value: 'news', count: 1 },
          { facet: 'year', value: '2026', count: 1 },
        ],
        suggestions: [],
      },
    ],
  },
);
