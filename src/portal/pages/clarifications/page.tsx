// Clarifications (Art. 4): the false information and the facts, newest first, filterable by rating.
import * as content from '../../../modules/content/service.js';
import { breadcrumbLd, type Crumb } from '../../components.js';
import { found, notFound, pageNumber, type FramedPage } from '../../page.js';
import { absolute, homeCrumb, inEveryLanguage, prevNext, type Site } from '../../site.js';
import { paths, withPage } from '../../urls.js';
import { ClarificationsPage, type ClarificationEntry } from './view.js';

interface ClarificationsData {
  rating: string | undefined;
  entries: ClarificationEntry[];
  total: number;
  page: number;
  pages: number;
}

const trailOf = (site: Site): Crumb[] => [homeCrumb(site), { name: site.words.t('clarifications') }];

export const clarificationsPage: FramedPage<{ rating: string | undefined; page: number }, ClarificationsData> = {
  languages: 'open',
  address: ({ lang }, query) => {
    const page = pageNumber(query);
    const rating = query.rating && (content.CLAIM_RATINGS as readonly string[]).includes(query.rating) ? query.rating : undefined;
    return { key: `/${lang}/clarifications?rating=${rating ?? ''}&page=${page}`, input: page === null ? null : { rating, page } };
  },
  load: async (site, { rating, page }) => {
    const r = await content.publishedClarifications(site.ctx, { language: site.language, rating, page });
    if (page > r.pages) return notFound();
    const entries = r.items.map((c) => ({
      itemId: c.itemId,
      title: c.title,
      summary: c.summary,
      publishedAt: new Date(c.publishedAt),
      agencyName: site.agencies.byId.get(c.agencyId)?.name ?? '',
      claim: c.claim,
    }));
    return found({ rating, entries, total: r.total, page, pages: r.pages });
  },
  meta: (site, d) => {
    const path = paths.clarifications(site.language, d.rating);
    return {
      title: site.words.t('clarifications'),
      description: site.words.t('clarificationsIntro', { place: site.info.place }),
      canonical: absolute(site, withPage(path, d.page)),
      alternates: inEveryLanguage(site, (l) => paths.clarifications(l)),
      noindex: Boolean(d.rating),
      ...prevNext(site, path, d.page, d.pages),
      jsonLd: [breadcrumbLd(trailOf(site), site.info.origin)],
    };
  },
  view: (site, d) => (
    <ClarificationsPage
      language={site.language}
      words={site.words}
      place={site.info.place}
      trail={trailOf(site)}
      entries={d.entries}
      rating={d.rating}
      ratings={[...content.CLAIM_RATINGS]}
      total={d.total}
      page={d.page}
      pages={d.pages}
      path={paths.clarifications(site.language, d.rating)}
    />
  ),
  current: () => 'clarifications',
};
