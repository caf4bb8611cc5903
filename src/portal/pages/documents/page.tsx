// The document library: published documents filterable by type, issuer, year and number.
import * as content from '../../../modules/content/service.js';
import { found, pageNumber, type FramedPage } from '../../page.js';
import { absolute, inEveryLanguage } from '../../site.js';
import { paths, withPage } from '../../urls.js';
import { DocumentsPage, type DocumentEntry, type DocumentsProps } from './view.js';

type Filters = DocumentsProps['filters'];

interface LibraryData {
  filters: Filters;
  entries: DocumentEntry[];
  total: number;
  page: number;
  pages: number;
  facets: { years: string[]; issuers: string[] };
}

/** The filters set, as a query string. */
const queryOf = (filters: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as Array<[string, string]>).toString();

/** The library's address with its filters (page aside). */
function pathOf(language: string, filters: Filters): string {
  const qs = queryOf(filters);
  return `${paths.documents(language)}${qs ? `?${qs}` : ''}`;
}

export const documentsPage: FramedPage<{ filters: Filters; page: number }, LibraryData> = {
  languages: 'open',
  address: ({ lang }, query) => {
    const page = pageNumber(query);
    const filters: Filters = {
      type: query.type && (content.DOCUMENT_TYPES as readonly string[]).includes(query.type) ? query.type : undefined,
      issuer: query.issuer?.trim().slice(0, 200) || undefined,
      year: query.year && /^\d{4}$/.test(query.year) ? query.year : undefined,
      number: query.number?.trim().slice(0, 100) || undefined,
    };
    return { key: `/${lang}/documents?${queryOf({ ...filters, page: String(page) })}`, input: page === null ? null : { filters, page } };
  },
  load: async (site, { filters, page }) => {
    const r = await content.documentLibrary(site.ctx, {
      language: site.language,
      documentType: filters.type,
      issuer: filters.issuer,
      year: filters.year ? Number(filters.year) : undefined,
      number: filters.number,
      page,
    });
    const entries = r.items.map((d) => ({
      itemId: d.itemId,
      title: d.title,
      number: d.document.number ?? '',
      issuingBody: d.document.issuingBody ?? '',
      issueDate: d.document.issueDate ?? '',
      documentType: d.document.documentType ?? '',
      fileUrl: d.document.fileId ? `/api/v1/media/${d.document.fileId}/original` : null,
    }));
    return found({ filters, entries, total: r.total, page, pages: r.pages, facets: r.facets });
  },
  meta: (site, d) => ({
    title: site.words.t('documentLibrary'),
    canonical: absolute(site, withPage(pathOf(site.language, d.filters), d.page)),
    alternates: inEveryLanguage(site, paths.documents),
    noindex: Boolean(queryOf(d.filters)),
  }),
  view: (site, d) => {
    const { language, words } = site;
    const types = content.DOCUMENT_TYPES.map((k) => [k, words.documentTypes[k]] as [string, string]);
    return (
      <DocumentsPage
        language={language}
        words={words}
        entries={d.entries}
        total={d.total}
        page={d.page}
        pages={d.pages}
        path={pathOf(language, d.filters)}
        filters={d.filters}
        types={types}
        years={d.facets.years}
        issuers={d.facets.issuers}
      />
    );
  },
  current: () => 'documents',
};
