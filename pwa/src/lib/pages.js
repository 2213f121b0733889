// A list the API sends a page at a time ({items, next_cursor}): the first page on load,
// the next one when the user asks ("Show more"). Every paged list in the app uses this.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api, cacheKey, isUnreachable, useReloadOnLanguage } from "./api.js";
import { cacheGet, cachePut } from "./store.js";
import { joinPage, pagePath } from "./paging.js";

// An offline copy of a first page (an older app kept lists as bare arrays: not a page).
const cachedPage = async (key) => {
  const copy = key ? await cacheGet(key) : null;
  return Array.isArray(copy?.data?.items) ? copy : null;
};

/** { items, more, info, loading, error, offline, loadMore, reload }: more is true while
 * pages are left; info holds the latest page's other fields (a list's total, the inbox's
 * unread). With cache, the first page is kept and shown when offline ({offline.updatedAt}), as
 * useApi does. */
export function usePages(path, { cache = false } = {}) {
  const [state, setState] = useState({ items: null, next: null, loading: true });
  const generation = useRef(0); // a reload or a new path makes older answers stale

  const fetchPage = useCallback(async (items, cursor) => {
    const mine = generation.current;
    const current = () => mine === generation.current;
    const key = cache && !cursor ? cacheKey(path) : null;
    const saved = await cachedPage(key);
    if (saved && current()) setState((s) => (s.items ? s : { ...joinPage(null, saved.data), loading: true }));
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const page = await api(pagePath(path, cursor));
      if (current()) setState({ ...joinPage(items, page), loading: false });
      if (key) cachePut(key, page);
    } catch (error) {
      const copy = isUnreachable(error) ? await cachedPage(key) : null;
      if (!current()) return;
      setState(copy ? { ...joinPage(null, copy.data), loading: false,
                        offline: { updatedAt: copy.updatedAt, unreachable: error.status !== 0 } }
                    : (s) => ({ ...s, loading: false, error }));
    }
  }, [path, cache]);

  const reload = useCallback(() => {
    generation.current += 1;
    return fetchPage(null, null);
  }, [fetchPage]);

  useEffect(() => {
    reload();
    if (!cache) return undefined;
    window.addEventListener("online", reload); // back online: fresh answers
    return () => window.removeEventListener("online", reload);
  }, [reload]);
  useReloadOnLanguage(reload); // answers may be worded

  return {
    items: state.items, more: Boolean(state.next), info: state.info || {},
    loading: state.loading, error: state.error,
    offline: state.offline, loadMore: () => fetchPage(state.items, state.next), reload,
  };
}
