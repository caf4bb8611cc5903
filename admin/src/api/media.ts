// The media library: the list (keyset pages), one file (polled while its variants are being
// made), storage usage and quotas, where a file is used and its downloads; the writes. A file's
// record answers its edits; uploads (tus, media/uploads.ts) and deletions change the agency's usage too.
import { useInfiniteQuery, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, call, type Schemas } from './client';
import { resourceKeys } from './keys';
import { applyCacheEffect, recordWritten, useApiMutation, type CacheEffect, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type Media = Schemas['Media'];
export type MediaKind = Media['kind'];
export type MediaVariant = Media['variants'][number];
export type MediaQuery = NonNullable<paths['/api/v1/media']['get']['parameters']['query']>;
export type UpdateMediaBody = paths['/api/v1/media/{id}']['patch']['requestBody']['content']['application/json'];
export type StorageUsage = paths['/api/v1/media-usage/{id}']['get']['responses'][200]['content']['application/json'];
export type MediaUse = paths['/api/v1/media/{id}/usage']['get']['responses'][200]['content']['application/json']['items'][number];
export type MediaDownload = paths['/api/v1/media/{id}/downloads']['get']['responses'][200]['content']['application/json']['items'][number];

export const mediaKeys = {
  ...resourceKeys<Omit<MediaQuery, 'cursor'>>('media'),
  usedBy: (id: string) => ['media', 'used-by', id] as const,
  downloads: (id: string) => ['media', 'downloads', id] as const,
};
/** Storage per agency (`detail(agencyId)`). */
export const storageKeys = resourceKeys('media-usage');

/** Variants are made by a background job within seconds: ask again while they are on their way. */
export const variantsComing = (m: Pick<Media, 'kind' | 'variantsStatus'> | undefined) =>
  !!m && m.kind === 'image' && (m.variantsStatus === 'pending' || m.variantsStatus === 'processing');

export function useMedia(id: string | undefined) {
  return useQuery({
    queryKey: mediaKeys.detail(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/media/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    refetchInterval: (q) => (variantsComing(q.state.data) ? 1500 : false),
  });
}

/** Several files at once (the attachments of an item), each cached under its own key. */
export function useMediaMany(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: mediaKeys.detail(id),
      queryFn: () => call(api.GET('/api/v1/media/{id}', { params: { path: { id } } })),
      refetchInterval: (q: { state: { data?: Media } }) => (variantsComing(q.state.data) ? 2000 : false),
      staleTime: 30_000,
    })),
  });
}

export function useMediaList(query: Omit<MediaQuery, 'cursor'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: mediaKeys.pages(query),
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
    queryKey: storageKeys.detail(agencyId ?? ''),
    queryFn: () => call(api.GET('/api/v1/media-usage/{id}', { params: { path: { id: agencyId! } } })),
    enabled: !!agencyId,
    staleTime: 0,
  });
}

export function useMediaUsage(id: string) {
  return useQuery({
    queryKey: mediaKeys.usedBy(id),
    queryFn: () => call(api.GET('/api/v1/media/{id}/usage', { params: { path: { id } } })),
    staleTime: 0,
  });
}

export function useMediaDownloads(id: string) {
  return useQuery({
    queryKey: mediaKeys.downloads(id),
    queryFn: () => call(api.GET('/api/v1/media/{id}/downloads', { params: { path: { id } } })),
    staleTime: 0,
  });
}

const byId = (id: string) => ({ params: { path: { id } } });

export const mediaRequests = {
  update: ({ id, ...body }: UpdateMediaBody & { id: string }) => call(api.PATCH('/api/v1/media/{id}', { ...byId(id), body })),
};

export function useMediaMutation<TVars>(request: (vars: TVars) => Promise<Media>, options?: WriteOptions<Media, TVars>) {
  return useApiMutation(request, recordWritten<Media>(mediaKeys), options);
}

/** A file added (an upload) or removed: the library's lists and the storage used change. */
const filesChanged = (added?: Media, removedId?: string): CacheEffect<unknown, unknown> => ({
  store: () => (added ? [[mediaKeys.detail(added.id), added]] : []),
  remove: () => (removedId ? [mediaKeys.detail(removedId)] : []),
  invalidate: () => [mediaKeys.lists(), storageKeys.all],
});

export function useDeleteMedia(options?: WriteOptions<unknown, string>) {
  return useApiMutation(
    (id: string) => call(api.DELETE('/api/v1/media/{id}', byId(id))),
    { ...filesChanged(), remove: (_r, id) => [mediaKeys.detail(id)] },
    options,
  );
}

/** For uploads made outside the API client (tus): the new file joins the cache as the API's writes do. */
export function useMediaUploaded() {
  const qc = useQueryClient();
  return useCallback((media: Media | undefined) => applyCacheEffect(qc, filesChanged(media), undefined, undefined), [qc]);
}

/** Files a picker listed are cached as they are, so they are not asked for again to be named. */
export function useRememberMedia() {
  const qc = useQueryClient();
  return useCallback(
    (files: readonly Media[]) => {
      for (const m of files) qc.setQueryData(mediaKeys.detail(m.id), m);
    },
    [qc],
  );
}

export function useSetQuota(options?: WriteOptions<StorageUsage, { agencyId: string; quotaBytes: number | null }>) {
  return useApiMutation(
    ({ agencyId, quotaBytes }: { agencyId: string; quotaBytes: number | null }) =>
      call(api.PUT('/api/v1/media-usage/{id}/quota', { ...byId(agencyId), body: { quotaBytes } })),
    { store: (usage, { agencyId }) => [[storageKeys.detail(agencyId), usage]], invalidate: () => [storageKeys.all] },
    options,
  );
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
