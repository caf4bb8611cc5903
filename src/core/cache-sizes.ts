// What each answer cache of an app holds, by name (portal pages, searches, feeds, API reads), read
// when /metrics is scraped: the real size, not only the configured budget.
export interface CacheSize {
  entries: number;
  /** bytes of the bodies kept (all their encodings) and their keys */
  bytes: number;
}

export type CacheSizes = Map<string, () => CacheSize>;
