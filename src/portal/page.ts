// A portal page as a route module (after Remix and Next.js): `address` reads what the page is asked
// from its URL and names its cache entry; `load` gathers its data through the services as the
// anonymous reader, from the language's shared site data (testable alone); `meta` is what the head
// carries (title, canonical, alternates, prev/next, JSON-LD); `view` is its React body. The route
// table (routes.ts) serves them all the same way.
import type { ReactElement } from 'react';
import * as content from '../modules/content/service.js';
import type { Alternate, PageMeta } from './layout.js';
import type { Site } from './site.js';

export type Params = Record<string, string>;
export type Query = Record<string, string | undefined>;

/** What a page's load found: its data, or the error page to answer instead. */
export type PageOutcome<Data> = { status: 200; data: Data } | { status: 404 | 410; elsewhere?: Alternate[] };

export const found = <Data>(data: Data): PageOutcome<Data> => ({ status: 200, data });
/** 404; `elsewhere`: the languages the thing exists in */
export const notFound = (elsewhere?: Alternate[]): PageOutcome<never> => (elsewhere ? { status: 404, elsewhere } : { status: 404 });
export const gone: PageOutcome<never> = { status: 410 };

export interface PageAddress<Input> {
  /** the cache key, the origin aside; none: rendered on every request, never cached */
  key?: string;
  /** what the page is asked; null: the address names no page (404 before anything is read) */
  input: Input | null;
}

interface RouteModule<Input, Data> {
  /**
   * The language spaces the page answers in: `open` (vi, en, and languages with published content)
   * or `configured` (item addresses: every configured language; their early 404s are Vietnamese).
   */
  languages: 'open' | 'configured';
  address(params: Params, query: Query): PageAddress<Input>;
  load(site: Site, input: Input): Promise<PageOutcome<Data>>;
  /** headers that depend on the address and the status */
  headers?(params: Params, status: number): Record<string, string>;
}

/** A page inside the portal's frame. */
export interface FramedPage<Input, Data> extends RouteModule<Input, Data> {
  meta(site: Site, data: Data): PageMeta;
  view(site: Site, data: Data): ReactElement;
  /** the menu entry the page is */
  current?(data: Data): string | undefined;
}

/** A page that is a document of its own (the item's print view and saved copy). */
export interface StandalonePage<Input, Data> extends RouteModule<Input, Data> {
  document(site: Site, data: Data): string;
}

export type PortalPage<Input, Data> = FramedPage<Input, Data> | StandalonePage<Input, Data>;

/** `?page=N` (1 when absent); null when it is not a page number. */
export function pageNumber(query: Query): number | null {
  const raw = query.page;
  const n = raw === undefined ? 1 : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= content.MAX_PAGE ? n : null;
}
