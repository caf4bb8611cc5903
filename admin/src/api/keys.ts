// Query keys, one factory per resource (TanStack Query's key-factory pattern): every key of a
// resource starts with its name, lists and records have their own prefixes, so a write can mark
// exactly what it changed as stale — `keys.lists()` after an edit, `keys.all` after anything wider.
import type { QueryKey } from '@tanstack/react-query';

export interface ResourceKeys<Query> {
  all: readonly [string];
  lists: () => readonly [string, 'list'];
  /** One page of a list. */
  list: (query: Query) => readonly [string, 'list', Query];
  /** A list read page after page ("load more"): never the same cache entry as a one-page read. */
  pages: (query: Query) => readonly [string, 'list', Query, 'pages'];
  details: () => readonly [string, 'detail'];
  detail: (id: string) => readonly [string, 'detail', string];
  /** Anything else of the resource (a count, a report, a sub-list of one record). */
  part: (...parts: unknown[]) => QueryKey;
}

export function resourceKeys<Query = Record<string, unknown>>(name: string): ResourceKeys<Query> {
  return {
    all: [name],
    lists: () => [name, 'list'],
    list: (query) => [name, 'list', query],
    pages: (query) => [name, 'list', query, 'pages'],
    details: () => [name, 'detail'],
    detail: (id) => [name, 'detail', id],
    part: (...parts) => [name, ...parts],
  };
}
