// The server's settings (content languages, jurisdiction, freshness period, case response days).
import { useQuery } from '@tanstack/react-query';
import { api, call, type Json } from './client';
import type { paths } from './schema';

export type Meta = Json<paths['/api/v1/meta']['get']['responses'][200]>;

export const metaKeys = { all: ['meta'] as const };

/** They change only on redeploy. */
export function useMeta() {
  return useQuery({ queryKey: metaKeys.all, queryFn: () => call(api.GET('/api/v1/meta')), staleTime: Infinity });
}
