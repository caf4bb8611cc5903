// Types and queries of the media library: the list (keyset pages), one file (polled while its
// variants are being made), storage usage, where a file is used and its downloads.
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './client';
import type { paths } from './schema';

export type Media = Schemas['Media'];
export type MediaKind = Media['kind'];
export type MediaVariant = Media['variants'][number];
export type MediaQuery = NonNullable<paths['/api/v1/media']['get']['parameters']['query']>;
export type UpdateMediaBody = paths['/api/v1/media/{id}']['patch']['requestBody']['content']['application/json'];
export type StorageUsage = paths['/api/v1/media-usage/{id}']['get']['responses'][200]['content']['application/json'];
export type MediaUse = paths['/api/v1/media/{id}/usage']['get']['responses'][200]['content']['application/json']['items'][number];
export type MediaDownload = paths['/api/v1/media/{id}/downloads']['get']['responses'][200]['content']['application/json']['items'][number];

export const MEDIA_KEY = (id: string) => ['media', 'one', id] as const;
export const MEDIA_LIST_KEY = ['media', 'list'] as const;
export const USAGE_KEY = ['media-usage'] as const;

/** Variants are made by a background job within seconds: ask again while they are on their way. */
export const variantsComing = (m: Pick<Media, 'kind' | 'variantsStatus'> | undefined) => !!m && m.kind === 'image' && (m.variantsStatus === 'pending' || m.variantsStatus === 'processing');

export function useMedia(id: string | undefined) {
  return useQuery({
    queryKey: MEDIA_KEY(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/media/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    refetchInterval: (q) => (variantsComing(q.state.data) ? 1500 : false),
  });
}

/** Several files at once (the attachments of an item), each cached under its own key. */
export function useMediaMany(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: MEDIA_KEY(id),
      queryFn: () => call(api.GET('/api/v1/media/{id}', { params: { path: { id } } })),
      refetchInterval: (q: { state: { data?: Media } }) => (variantsComing(q.state.data) ? 2000 : false),
      staleTime: 30_000,
    })),
  });
}

export function useMediaList(query: Omit<MediaQuery, 'cursor'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...MEDIA_LIST_KEY, query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/media', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 0,
    // New uploads get their thumbnails a few seconds later.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(variantsComing)) ? 2000 : false),
  });
}

export function useStorageUsage(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...USAGE_KEY, agencyId],
    queryFn: () => call(api.GET('/api/v1/media-usage/{id}', { params: { path: { id: agencyId! } } })),
    enabled: !!agencyId,
    staleTime: 0,
  });
}

export function useMediaUsage(id: string) {
  return useQuery({
    queryKey: ['media', 'usage', id],
    queryFn: () => call(api.GET('/api/v1/media/{id}/usage', { params: { path: { id } } })),
    staleTime: 0,
  });
}

export function useMediaDownloads(id: string) {
  return useQuery({
    queryKey: ['media', 'downloads', id],
    queryFn: () => call(api.GET('/api/v1/media/{id}/downloads', { params: { path: { id } } })),
    staleTime: 0,
  });
}

/** A WebP variant by name ("square.webp", "social.webp"). */
export const variantNamed = (m: Media, name: string) => m.variants.find((v) => v.name === name);

/** The widest responsive WebP variant no wider than `max` (or the narrowest when all are wider). */
export function variantUpTo(m: Media, max: number): MediaVariant | undefined {
  const widths = m.variants.filter((v) => !v.crop && v.format === 'webp').sort((a, b) => a.width - b.width);
  return [...widths].reverse().find((v) => v.width <= max) ?? widths[0];
}

/** The square crop for thumbnails; a small responsive variant when there is no crop. */
export const thumbnailOf = (m: Media) => (m.variantsStatus === 'ready' ? (variantNamed(m, 'square.webp') ?? variantUpTo(m, 320)) : undefined);
