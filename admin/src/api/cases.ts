// Clarification cases (issue 7): the list (pages, counts), one case, precedents, the figures, and
// the writes. Every write on a case answers the whole case, which replaces the cached one; the rest
// of the cases' cache (lists, counts, figures) goes stale.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call, type Json, type Schemas } from './client';
import type { CaseTransition } from './enums';
import { resourceKeys } from './keys';
import { recordWritten, resourceChanged, useApiMutation, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type Case = Schemas['Case'];
export type CaseSummary = Schemas['CaseSummary'];
export type Assignment = Schemas['CaseAssignment'];
export type CaseResponse = Schemas['CaseResponse'];
export type CaseEvent = Schemas['CaseEvent'];
export type CaseQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;
export type OpenCaseBody = Json<paths['/api/v1/cases']['post']['requestBody']>;
export type Figures = Json<paths['/api/v1/cases/figures']['get']['responses'][200]>;

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: infer B } } ? Json<NonNullable<B>> : never;

export const caseKeys = {
  ...resourceKeys<CaseQuery>('cases'),
  precedents: (q: string) => ['cases', 'precedents', q] as const,
  figures: (from: string, to: string) => ['cases', 'figures', from, to] as const,
};

export function useCasePages(query: Omit<CaseQuery, 'offset'>) {
  return useInfiniteQuery({
    queryKey: caseKeys.pages(query),
    initialPageParam: 0,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/cases', { params: { query: { ...query, offset: pageParam || undefined } } })),
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    staleTime: 0,
  });
}

/** One page of cases (the dashboard's overdue list, the home page's counts). */
export function useCases(query: CaseQuery) {
  return useQuery({ queryKey: caseKeys.list(query), queryFn: () => call(api.GET('/api/v1/cases', { params: { query } })) });
}

const fetchCase = (id: string) => call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } }));

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: () => fetchCase(id!),
    enabled: !!id,
    staleTime: 0,
    // "not found" and "not yours" are answers
    retry: (n, e) => n < 1 && !(e instanceof ApiError && [403, 404].includes(e.status)),
  });
}

/** Reads a case again now (after a conflicting save): the cached one is replaced and returned. */
export function useReloadCase() {
  const qc = useQueryClient();
  return (id: string) => qc.fetchQuery({ queryKey: caseKeys.detail(id), queryFn: () => fetchCase(id), staleTime: 0 });
}

/** Past cases and published clarifications like `q` (words or a URL). */
export function usePrecedents(q: string) {
  return useQuery({
    queryKey: caseKeys.precedents(q),
    queryFn: () => call(api.GET('/api/v1/cases/precedents', { params: { query: { q, limit: 8 } } })),
    enabled: q !== '',
    staleTime: 30_000,
  });
}

export function useFigures(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.figures(from, to),
    queryFn: () => call(api.GET('/api/v1/cases/figures', { params: { query: { from, to } } })),
    enabled,
  });
}

const onCase = (id: string) => ({ params: { path: { id } } });
const onAssignment = (id: string, agencyId: string) => ({ params: { path: { id, agencyId } } });

/** The writes on one case, each answering the case. */
export const caseRequests = {
  update: ({ id, ...body }: Json<paths['/api/v1/cases/{id}']['patch']['requestBody']> & { id: string }) =>
    call(api.PATCH('/api/v1/cases/{id}', { ...onCase(id), body })),
  addSituationUpdate: ({ id, ...body }: Body<'/api/v1/cases/{id}/situation-updates'> & { id: string }) =>
    call(api.POST('/api/v1/cases/{id}/situation-updates', { ...onCase(id), body })),
  addSighting: ({ id, ...body }: Body<'/api/v1/cases/{id}/sightings'> & { id: string }) =>
    call(api.POST('/api/v1/cases/{id}/sightings', { ...onCase(id), body })),
  addAttachment: ({ id, ...body }: Body<'/api/v1/cases/{id}/attachments'> & { id: string }) =>
    call(api.POST('/api/v1/cases/{id}/attachments', { ...onCase(id), body })),
  removeAttachment: ({ id, attachmentId }: { id: string; attachmentId: string }) =>
    call(api.DELETE('/api/v1/cases/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } })),
  notify: ({ id, ...body }: Body<'/api/v1/cases/{id}/notifications'> & { id: string }) =>
    call(api.POST('/api/v1/cases/{id}/notifications', { ...onCase(id), body })),
  extend: ({ id, agencyId, ...body }: Body<'/api/v1/cases/{id}/agencies/{agencyId}/extension'> & { id: string; agencyId: string }) =>
    call(api.POST('/api/v1/cases/{id}/agencies/{agencyId}/extension', { ...onAssignment(id, agencyId), body })),
  recordMaterial: ({ id, agencyId, ...body }: Body<'/api/v1/cases/{id}/agencies/{agencyId}/material'> & { id: string; agencyId: string }) =>
    call(api.POST('/api/v1/cases/{id}/agencies/{agencyId}/material', { ...onAssignment(id, agencyId), body })),
  recordResponse: ({ id, ...body }: Body<'/api/v1/cases/{id}/responses'> & { id: string }) =>
    call(api.POST('/api/v1/cases/{id}/responses', { ...onCase(id), body })),
  transition: ({ id, name, ...body }: Body<'/api/v1/cases/{id}/transitions/{name}'> & { id: string; name: CaseTransition }) =>
    call(api.POST('/api/v1/cases/{id}/transitions/{name}', { params: { path: { id, name } }, body })),
  createClarification: ({ id, ...body }: Body<'/api/v1/cases/{id}/clarification'> & { id: string }) =>
    call(api.POST('/api/v1/cases/{id}/clarification', { ...onCase(id), body })),
};

export function useCaseMutation<TVars>(request: (vars: TVars) => Promise<Case>, options?: WriteOptions<Case, TVars>) {
  return useApiMutation(request, recordWritten<Case>(caseKeys), options);
}

/** Opening a case. */
export function useOpenCase(options?: WriteOptions<Case, OpenCaseBody>) {
  return useApiMutation((body: OpenCaseBody) => call(api.POST('/api/v1/cases', { body })), resourceChanged(caseKeys), options);
}
