// Read-only reports of the content area and of the API: search, freshness (with the published
// items lacking a translation), the scheduler's health, usage, the audit log and its chain check.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, call, type Json } from './client';
import { resourceKeys } from './keys';
import type { paths } from './schema';

export type SearchQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;
export type SearchResult = Json<paths['/api/v1/search']['get']['responses'][200]>;
export type Freshness = Json<paths['/api/v1/freshness']['get']['responses'][200]>;
export type UsageQuery = NonNullable<paths['/api/v1/usage']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>;

export const searchKeys = resourceKeys<SearchQuery>('search');
export const freshnessKeys = {
  all: ['freshness'] as const,
  missing: (agencyId: string, language: string) => ['freshness', 'missing', agencyId, language] as const,
  scheduling: () => ['freshness', 'scheduling'] as const,
};
export const usageKeys = resourceKeys<UsageQuery>('usage');
export const auditKeys = resourceKeys<Omit<AuditQuery, 'before'>>('audit');

/** Search keeps the previous page on screen while the next one loads. */
export function useSearch(query: SearchQuery) {
  return useQuery({
    queryKey: searchKeys.list(query),
    queryFn: () => call(api.GET('/api/v1/search', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useFreshness() {
  return useQuery({ queryKey: freshnessKeys.all, queryFn: () => call(api.GET('/api/v1/freshness')) });
}

export function useMissingTranslations(agencyId: string, language: string) {
  return useQuery({
    queryKey: freshnessKeys.missing(agencyId, language),
    queryFn: () => call(api.GET('/api/v1/freshness/{id}/missing-translations', { params: { path: { id: agencyId }, query: { language } } })),
  });
}

export function useScheduling() {
  return useQuery({ queryKey: freshnessKeys.scheduling(), queryFn: () => call(api.GET('/api/v1/scheduling')), refetchInterval: 60_000 });
}

export function useUsage(query: UsageQuery) {
  return useQuery({ queryKey: usageKeys.list(query), queryFn: () => call(api.GET('/api/v1/usage', { params: { query } })) });
}

export function useAuditPages(query: Omit<AuditQuery, 'before'>) {
  return useInfiniteQuery({
    queryKey: auditKeys.pages(query),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/audit-events', { params: { query: { ...query, before: pageParam } } })),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({ queryKey: auditKeys.list(query), queryFn: () => call(api.GET('/api/v1/audit-events', { params: { query } })) });
}

/** Checks the audit log's hash chain (a read, run on request). */
export function useAuditVerify() {
  return useMutation({ mutationFn: () => call(api.GET('/api/v1/audit-events/verify')) });
}
