// Listings, newest first, 12 a page with rel=prev/next: one topic's, one kind's, one agency's (the
// agency's page also shows the agency, with its GovernmentOrganization).
import * as content from '../../../modules/content/service.js';
import { breadcrumbLd, type Crumb } from '../../components.js';
import { agencyEntries, cardViews, type AgencyEntry, type CardView } from '../../data.js';
import { KIND_NAMES } from '../../i18n.js';
import type { PageMeta } from '../../layout.js';
import { found, notFound, pageNumber, type FramedPage } from '../../page.js';
import { absolute, homeCrumb, inEveryLanguage, prevNext, type Site } from '../../site.js';
import { organizationLd } from '../../structured-data.js';
import { paths, withPage } from '../../urls.js';
import { AgencyPage } from './agency-view.js';
import { ListingPage } from './view.js';

export type ListingKind = 'topic' | 'kind' | 'agency';

export interface ListingData {
  slug: string;
  heading: string;
  cards: CardView[];
  total: number;
  page: number;
  pages: number;
  /** the agency an agency's listing is of */
  agency?: AgencyEntry;
}

const PATHS: Record<ListingKind, (language: string, slug: string) => string> = { topic: paths.topic, kind: paths.kind, agency: paths.agency };

/** The listed items' filter and the heading, or null when the slug names nothing. */
function subjectOf(site: Site, kind: ListingKind, slug: string): { heading: string; filter: content.PublishedListInput } | null {
  if (kind === 'topic') {
    const topic = [...site.topics.all.values()].find((t) => t.slug === slug);
    return topic ? { heading: topic.name, filter: { topicId: topic.id } } : null;
  }
  if (kind === 'kind') return KIND_NAMES.en[slug] ? { heading: site.words.kinds[slug], filter: { kind: slug } } : null;
  const agency = [...site.agencies.byId.values()].find((a) => a.slug === slug);
  return agency ? { heading: agency.name, filter: { agencyId: agency.id } } : null;
}

export const listingPage = (kind: ListingKind): FramedPage<{ slug: string; page: number }, ListingData> => ({
  languages: 'open',
  address: ({ lang, slug }, query) => {
    const page = pageNumber(query);
    return { key: `/${lang}/${kind}/${slug}?page=${page}`, input: page === null ? null : { slug, page } };
  },
  load: async (site, { slug, page }) => {
    const subject = subjectOf(site, kind, slug);
    if (!subject) return notFound();
    const r = await content.listPublishedCards(site.ctx, { ...subject.filter, language: site.language, page, pageSize: 12 });
    if (page > r.pages) return notFound();
    const cards = await cardViews(site.ctx, r.items, site.agencies.byId, site.language);
    const agency = kind === 'agency' ? (await agencyEntries(site.ctx, site.words)).get(slug) : undefined;
    return found({ slug, heading: subject.heading, cards, total: r.total, page, pages: r.pages, ...(agency ? { agency } : {}) });
  },
  meta: (site, d) => {
    const path = PATHS[kind](site.language, d.slug);
    const meta: PageMeta = {
      title: d.page > 1 ? `${d.heading} — ${site.words.t('page', { n: d.page })}` : d.heading,
      canonical: absolute(site, withPage(path, d.page)),
      alternates: inEveryLanguage(site, (l) => withPage(PATHS[kind](l, d.slug), d.page)),
      ...prevNext(site, path, d.page, d.pages),
      // the agency page's trail in its JSON-LD leaves out the directory, as it always has
      jsonLd: [breadcrumbLd([homeCrumb(site), { name: d.heading }], site.info.origin)],
    };
    if (d.agency) meta.jsonLd!.push(organizationLd(d.agency, site.info.origin, site.language));
    return meta;
  },
  view: (site, d) => {
    const { language, words } = site;
    const path = PATHS[kind](language, d.slug);
    const list = { language, words, cards: d.cards, total: d.total, page: d.page, pages: d.pages, path };
    if (d.agency) {
      const trail: Crumb[] = [homeCrumb(site), { name: words.t('agencies'), href: paths.agencies(language) }, { name: d.heading }];
      return <AgencyPage {...list} agency={d.agency} trail={trail} />;
    }
    return <ListingPage {...list} heading={d.heading} trail={[homeCrumb(site), { name: d.heading }]} />;
  },
  current: (d) => (kind === 'topic' ? `topic:${d.slug}` : undefined),
});
