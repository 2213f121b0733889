// The pure half of lib/pages.js ("Show more"): kept apart so node --test can load it.

/** path with ?cursor= (or &cursor=) added; the first page has no cursor. */
export function pagePath(path, cursor) {
  if (!cursor) return path;
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

/** The items so far with the next page appended (an item already shown is not shown again:
 * in a list ranked by a count that changes, one can move across the page edge), where to go
 * on from there, and the page's other fields (info: a list's total, the inbox's unread). */
export function joinPage(items, page) {
  const { items: added, next_cursor: next, ...info } = page;
  const shown = new Set((items || []).map((item) => item.id).filter((id) => id !== undefined));
  return {
    items: [...(items || []), ...added.filter((item) => item.id === undefined || !shown.has(item.id))],
    next: next || null, info,
  };
}
