// A tiny client-side router (history API). Routes come from routes.js.
import { useEffect, useState } from "preact/hooks";
import { jsx } from "preact/jsx-runtime";

const listeners = new Set();
const here = () => location.pathname + location.search;

export function navigate(to, { replace = false } = {}) {
  if (to === here()) return;
  history[replace ? "replaceState" : "pushState"](null, "", to);
  listeners.forEach((fn) => fn());
  window.scrollTo(0, 0);
}

export function useLocation() {
  const [where, setWhere] = useState(here());
  useEffect(() => {
    const fn = () => setWhere(here());
    listeners.add(fn);
    window.addEventListener("popstate", fn);
    fn(); // a child may have navigated before this effect subscribed
    return () => { listeners.delete(fn); window.removeEventListener("popstate", fn); };
  }, []);
  return where;
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
