// The pure half of lib/pages.js ("Show more"): kept apart so node --test can load it.

/** path with ?cursor= (or &cursor=) added; the first page has no cursor. */
export function pagePath(path, cursor) {
  if (!cursor) return path;
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

/** The items so far with the next page appended, and where to go on from there. */
export const joinPage = (items, page) => ({
  items: [...(items || []), ...page.items], next: page.next_cursor || null,
});
