// One way to write: call the API, let the cache follow from the resource's key factory (the answer
// replaces the cached record, the keys the write changed go stale), then tell the person. Pages
// pass what to say and what to do next; they never name query keys.
import { hashKey, useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '../lib/notify';
import type { ResourceKeys } from './keys';

/** The keys a cache effect needs: those that do not depend on a resource's list query. */
type RecordKeys = Pick<ResourceKeys<unknown>, 'all' | 'detail'>;

/** What a write does to the cache, from the resource's keys. */
export interface CacheEffect<TResult, TVars> {
  /** Entries the answer replaces (the record a write returns). */
  store?: (result: TResult, vars: TVars) => ReadonlyArray<readonly [QueryKey, unknown]>;
  /** Entries that no longer exist (a deleted record). */
  remove?: (result: TResult, vars: TVars) => readonly QueryKey[];
  /** Key prefixes that go stale. */
  invalidate?: (result: TResult, vars: TVars) => readonly QueryKey[];
  /** A series of writes may have partly happened when one fails: mark stale then too. */
  evenOnError?: boolean;
}

export async function applyCacheEffect<TResult, TVars>(qc: QueryClient, effect: CacheEffect<TResult, TVars>, result: TResult, vars: TVars) {
  const stored = effect.store?.(result, vars) ?? [];
  for (const [queryKey, value] of stored) qc.setQueryData(queryKey, value);
  for (const queryKey of effect.remove?.(result, vars) ?? []) qc.removeQueries({ queryKey });
  // What the answer just replaced is fresh: not asked for again.
  const fresh = new Set(stored.map(([queryKey]) => hashKey(queryKey)));
  await Promise.all((effect.invalidate?.(result, vars) ?? []).map((queryKey) => qc.invalidateQueries({ queryKey, predicate: (q) => !fresh.has(q.queryHash) })));
}

/** The write answers the whole record: it replaces the cached copy; the rest of the resource (plus `also`) goes stale. */
export const recordWritten = <T extends { id: string }>(keys: RecordKeys, also: (record: T) => readonly QueryKey[] = () => []): CacheEffect<T, unknown> => ({
  store: (record) => [[keys.detail(record.id), record]],
  invalidate: (record) => [keys.all, ...also(record)],
});

/** Everything cached of the resource (plus `also`) is stale: creations, deletions, writes answering something else. */
export const resourceChanged = (keys: Pick<RecordKeys, 'all'>, also: readonly QueryKey[] = []): CacheEffect<unknown, unknown> => ({
  invalidate: () => [keys.all, ...also],
});

/** What the page adds to a write: the message once it is done, what follows. */
export interface WriteOptions<TResult, TVars> {
  success?: string | ((result: TResult, vars: TVars) => string);
  /** A refusal as a toast, for actions with no form or dialog to show it in. */
  notifyErrors?: boolean;
  onSuccess?: (result: TResult, vars: TVars) => unknown;
}

/** A write: `mutateAsync` resolves once the cache has followed and the person was told; a refusal rejects it (for the form or dialog to show). */
export function useApiMutation<TVars, TResult>(
  mutationFn: (vars: TVars) => Promise<TResult>,
  effect: CacheEffect<TResult, TVars>,
  options: WriteOptions<TResult, TVars> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result, vars) => {
      await applyCacheEffect(qc, effect, result, vars);
      const message = typeof options.success === 'function' ? options.success(result, vars) : options.success;
      if (message) notifySuccess(message);
      await options.onSuccess?.(result, vars);
    },
    onError: async (e, vars) => {
      if (effect.evenOnError) await Promise.all((effect.invalidate?.(undefined as TResult, vars) ?? []).map((queryKey) => qc.invalidateQueries({ queryKey })));
      if (options.notifyErrors) notifyError(e.message);
    },
  });
}
