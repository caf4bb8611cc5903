// Bulk imports: start one (the file is the body), follow it while it runs, the past ones.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Json } from './client';
import { itemKeys } from './content';
import { resourceKeys } from './keys';
import { resourceChanged, useApiMutation } from './mutation';
import type { paths } from './schema';

export type ImportStatus = Json<paths['/api/v1/imports/{id}']['get']['responses'][200]>;
export type ImportQuery = NonNullable<paths['/api/v1/imports']['post']['parameters']['query']>;

export const importKeys = resourceKeys('imports');

export function useImports() {
  return useQuery({ queryKey: importKeys.lists(), queryFn: () => call(api.GET('/api/v1/imports')) });
}

/** Asked every 500 ms while it runs; when it ends, the list of imports and the items are stale. */
export function useImport(id: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: async () => {
      const r = await call(api.GET('/api/v1/imports/{id}', { params: { path: { id } } }));
      if (r.status !== 'running') void Promise.all([importKeys.lists(), itemKeys.all].map((queryKey) => qc.invalidateQueries({ queryKey })));
      return r;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
}

export function useStartImport() {
  return useApiMutation(
    ({ file, contentType, query }: { file: File; contentType: string; query: ImportQuery }) =>
      call(
        api.POST('/api/v1/imports', {
          params: { query },
          // The file itself is the body (the OpenAPI document does not describe it).
          body: file as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': contentType },
        }),
      ),
    resourceChanged(importKeys),
  );
}
