// A list the API sends a page at a time ({items, next_cursor}): the first page on load,
// the next one when the user asks ("Show more"). Every paged list in the app uses this.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api, useReloadOnLanguage } from "./api.js";
import { joinPage, pagePath } from "./paging.js";

/** { items, more, loading, error, loadMore, reload }: more is true while pages are left. */
export function usePages(path) {
  const [state, setState] = useState({ items: null, next: null, loading: true });
  const generation = useRef(0); // a reload or a new path makes older answers stale

  const fetchPage = useCallback(async (items, cursor) => {
    const mine = generation.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const page = await api(pagePath(path, cursor));
      if (mine === generation.current) setState({ ...joinPage(items, page), loading: false });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, loading: false, error }));
    }
  }, [path]);

  const reload = useCallback(() => {
    generation.current += 1;
    return fetchPage(null, null);
  }, [fetchPage]);

  useEffect(() => { reload(); }, [reload]);
  useReloadOnLanguage(reload); // answers may be worded

  return {
    items: state.items, more: Boolean(state.next), loading: state.loading, error: state.error,
    loadMore: () => fetchPage(state.items, state.next), reload,
  };
}
