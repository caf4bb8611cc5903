// A list page's filters live in the URL (bookmarkable, kept by the back button): read them, change
// one without a new history entry, clear them; the search box is typed freely and reaches the URL
// (`?q=`) once the typing pauses, and follows the URL when it changes otherwise (a saved view, back).
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(keys: readonly K[], { debounceMs = 300 } = {}) {
  const [params, setParams] = useSearchParams();
  const get = (key: K | 'q') => params.get(key) ?? '';
  /** One filter: a value, or none (the empty string, null or false). */
  const set = (key: K | 'q', value: string | boolean | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value === true ? 'true' : value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const [search, setSearch] = useState(get('q'));
  const [typed] = useDebouncedValue(search.trim(), debounceMs);
  useEffect(() => {
    if (get('q') !== typed) set('q', typed || null);
  }, [typed]);
  const urlQ = get('q');
  useEffect(() => setSearch((cur) => (cur.trim() === urlQ ? cur : urlQ)), [urlQ]);

  return {
    params,
    get,
    set,
    /** `?key=true` */
    flag: (key: K) => params.get(key) === 'true',
    /** The search box's value and setter. */
    search,
    setSearch,
    /** Whether any of `keys` (and the search) is set. */
    active: [...keys, 'q'].some((k) => params.get(k)),
    /** How many of `keys` are set, the search left out. */
    count: keys.filter((k) => params.get(k)).length,
    /** All filters off; `keep` (a view, say) stays. */
    clear: (keep: readonly string[] = []) => {
      setSearch('');
      setParams(new URLSearchParams([...params].filter(([k]) => keep.includes(k))), { replace: true });
    },
  };
}
