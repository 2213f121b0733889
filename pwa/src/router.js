// A tiny client-side router (history API). Routes come from routes.js.
import { signal } from "@preact/signals";
import { jsx } from "preact/jsx-runtime";

const here = () => location.pathname + location.search;

/** Where the app is: path and query ("/activities?free=1"), a signal like the other stores. */
export const currentPath = signal(here());
window.addEventListener("popstate", () => { currentPath.value = here(); });

export function navigate(to, { replace = false } = {}) {
  if (to === here()) return;
  history[replace ? "replaceState" : "pushState"](null, "", to);
  currentPath.value = here();
  window.scrollTo(0, 0);
}

export function Link({ href, children, ...props }) {
  const onClick = (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return jsx("a", { href, onClick, ...props, children });
}

/** {params} when the path matches "/a/:b", else null. */
export function matchPath(pattern, path) {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(":")) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

/** Static segments before :params, so "/ideas/new" wins over "/ideas/:id". */
export function bySpecificity(a, b) {
  const score = (p) => p.split("/").filter(Boolean).map((s) => (s.startsWith(":") ? "1" : "0")).join("");
  return score(a.path).localeCompare(score(b.path));
}
