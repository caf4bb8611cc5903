// The highlights the DIC puts first on the portal's home page: the list (item ids in order, for
// appraisers) with the published cards in a language, and the write of the whole list.
import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { paths } from './schema';

export type Highlights = paths['/api/v1/highlights']['get']['responses'][200]['content']['application/json'];
export type HighlightCard = Highlights['items'][number];
/** The server refuses more (PUT /highlights); the portal's home shows them all. */
export const MAX_HIGHLIGHTS = 12;
export const HIGHLIGHTS_KEY = ['highlights'] as const;

const fetchIn = (language: string) => call(api.GET('/api/v1/highlights', { params: { query: { language } } }));

export function useHighlights(language: string) {
  return useQuery({ queryKey: [...HIGHLIGHTS_KEY, language], queryFn: () => fetchIn(language), staleTime: 0 });
}

/**
 * The highlights in `language` with the cards of `itemIds` (by default the saved list): in
 * `language`, then — for items not published in it — in the other `fallbacks`, asked only when
 * some item needs them.
 */
export function useHighlightCards(language: string, fallbacks: readonly string[], itemIds: readonly string[] | null = null, enabled = true) {
  const main = useQuery({ queryKey: [...HIGHLIGHTS_KEY, language], queryFn: () => fetchIn(language), staleTime: 0, enabled });
  const have = new Set((main.data?.items ?? []).map((c) => c.itemId));
  const missing = main.data !== undefined && (itemIds ?? main.data.itemIds).some((id) => !have.has(id));
  const others = [...new Set(fallbacks)].filter((l) => l !== language);
  const more = useQueries({
    queries: others.map((l) => ({ queryKey: [...HIGHLIGHTS_KEY, l], queryFn: () => fetchIn(l), staleTime: 0, enabled: enabled && missing })),
  });
  const cards = new Map<string, HighlightCard>();
  for (const list of [main.data?.items, ...more.map((q) => q.data?.items)]) for (const c of list ?? []) if (!cards.has(c.itemId)) cards.set(c.itemId, c);
  return { main, cards, loadingFallbacks: more.some((q) => q.isFetching) };
}

/** Writes the whole list (order matters) and refreshes every cached language. */
async function saveHighlights(qc: QueryClient, itemIds: string[]): Promise<string[]> {
  const saved = await call(api.PUT('/api/v1/highlights', { body: { itemIds } }));
  await qc.invalidateQueries({ queryKey: HIGHLIGHTS_KEY });
  return saved.itemIds;
}

export function useSaveHighlights() {
  const qc = useQueryClient();
  return (itemIds: string[]) => saveHighlights(qc, itemIds);
}
