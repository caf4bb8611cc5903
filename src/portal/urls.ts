// Every portal address in one place: pages, feeds, sitemaps. One URL space per language.
export const paths = {
  home: (lang: string) => `/${lang}/`,
  item: (lang: string, itemId: string) => `/${lang}/items/${itemId}`,
  topic: (lang: string, slug: string) => `/${lang}/topics/${slug}`,
  kind: (lang: string, kind: string) => `/${lang}/kinds/${kind}`,
  agency: (lang: string, slug: string) => `/${lang}/agencies/${slug}`,
  search: (lang: string, q?: string) => `/${lang}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  feed: (lang: string, format: 'rss' | 'atom' | 'json') => `/${lang}/feed.${format === 'rss' ? 'xml' : format === 'atom' ? 'atom' : 'json'}`,
};

/** A page number query (?page=N) added to a path, none for page 1. */
export function withPage(path: string, page: number): string {
  if (page <= 1) return path;
  return `${path}${path.includes('?') ? '&' : '?'}page=${page}`;
}
