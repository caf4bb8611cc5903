// Every portal address in one place: pages, feeds, sitemaps. One URL space per language.
export type FeedFormat = 'rss' | 'atom' | 'json';

/** A feed's file name: RSS is feed.xml, Atom feed.atom, JSON Feed feed.json. */
export const feedFile = (format: FeedFormat) => `feed.${format === 'rss' ? 'xml' : format === 'atom' ? 'atom' : 'json'}`;

export const paths = {
  home: (lang: string) => `/${lang}/`,
  item: (lang: string, itemId: string) => `/${lang}/items/${itemId}`,
  topic: (lang: string, slug: string) => `/${lang}/topics/${slug}`,
  kind: (lang: string, kind: string) => `/${lang}/kinds/${kind}`,
  agency: (lang: string, slug: string) => `/${lang}/agencies/${slug}`,
  agencies: (lang: string) => `/${lang}/agencies`,
  documents: (lang: string) => `/${lang}/documents`,
  clarifications: (lang: string, rating?: string) => `/${lang}/clarifications${rating ? `?rating=${encodeURIComponent(rating)}` : ''}`,
  profile: (lang: string) => `/${lang}/profile`,
  photo: (lang: string, itemId: string, n: number) => `/${lang}/items/${itemId}/photos/${n}`,
  print: (lang: string, itemId: string) => `/${lang}/items/${itemId}/print`,
  download: (lang: string, itemId: string) => `/${lang}/items/${itemId}/download`,
  search: (lang: string, q?: string) => `/${lang}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  feed: (lang: string, format: FeedFormat) => `/${lang}/${feedFile(format)}`,
  topicFeed: (lang: string, slug: string, format: FeedFormat) => `/${lang}/topics/${slug}/${feedFile(format)}`,
  agencyFeed: (lang: string, slug: string, format: FeedFormat) => `/${lang}/agencies/${slug}/${feedFile(format)}`,
  sitemap: () => '/sitemap.xml',
  /** one page of the sitemap, when it is split (a sitemap index at /sitemap.xml) */
  sitemapPage: (n: number) => `/sitemaps/items-${n}.xml`,
  robots: () => '/robots.txt',
};

/** A page number query (?page=N) added to a path, none for page 1. */
export function withPage(path: string, page: number): string {
  if (page <= 1) return path;
  return `${path}${path.includes('?') ? '&' : '?'}page=${page}`;
}

/** Only http(s) addresses become links (a javascript: or data: URL in data never does). */
export function safeHref(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
