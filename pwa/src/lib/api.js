// The JSON API client and a hook that reads with an offline copy in IndexedDB.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { t, lang } from "./i18n.js";
import { cacheGet, cachePut } from "./store.js";

export const SESSION_EXPIRED = "meedoen-session-expired";

// The server (or the proxy in front of it) cannot answer now: 502, 503, 504.
const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

/** No network (status 0) or Meedoen not reachable: show saved screens, keep queued changes. */
export const isUnreachable = (error) =>
  Boolean(error) && (error.status === 0 || UNREACHABLE_STATUSES.has(error.status));

export class ApiError extends Error {
  constructor({ status, code, message, fields, request_id: requestId, retryAfter }) {
    super(message);
    Object.assign(this, { status, code, fields: fields || {}, requestId, retryAfter });
  }
}

export async function api(path, { method = "GET", body, idempotencyKey, headers = {} } = {}) {
  const sent = { "X-Requested-With": "fetch", Accept: "application/json",
                 "Accept-Language": lang(), ...headers };
  if (body !== undefined) sent["Content-Type"] = "application/json";
  if (idempotencyKey) sent["Idempotency-Key"] = idempotencyKey;
  let response;
  try {
    response = await fetch("/api/v1" + path, {
      method, headers: sent, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: "offline",
                         message: t("You are offline. Try again when you have internet.") });
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (UNREACHABLE_STATUSES.has(response.status)) {
    throw new ApiError({
      ...(data && data.message ? data : {}), status: response.status, code: "unreachable",
      message: t("Meedoen is not reachable right now. Please try again in a few minutes."),
      retryAfter: Number(response.headers.get("Retry-After")) || undefined,
    });
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith("/auth/")) {
      window.dispatchEvent(new Event(SESSION_EXPIRED)); // lib/session.js logs out locally
    }
    throw new ApiError(data && data.message ? data : {
      status: response.status, code: "error",
      message: t("Something went wrong. Please try again."),
    });
  }
  return data;
}

let cacheScope = "anon";
export const setCacheScope = (scope) => { cacheScope = scope; };
/** Where the offline copy of a GET answer is kept: per user, language and path. */
export const cacheKey = (path) => `${cacheScope}:${lang()}:${path}`;

/** GET path; with cache, the last answer is kept and shown when offline ({offline.updatedAt}). */
export function useApi(path, { cache = false } = {}) {
  const [state, setState] = useState({ loading: Boolean(path) });
  const load = useCallback(async () => {
    if (!path) return;
    const key = cacheKey(path);
    if (cache) {
      const copy = await cacheGet(key);
      if (copy) setState((s) => (s.data ? s : { data: copy.data, loading: true }));
    }
    try {
      const data = await api(path);
      setState({ data });
      if (cache) cachePut(key, data);
    } catch (error) {
      const copy = isUnreachable(error) && cache ? await cacheGet(key) : null;
      setState(copy ? { data: copy.data, offline: { updatedAt: copy.updatedAt,
                                                    unreachable: error.status !== 0 } }
                    : { error });
    }
  }, [path, cache]);
  useEffect(() => {
    setState({ loading: Boolean(path) });
    load();
    const online = () => load();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [load]);
  useReloadOnLanguage(load); // answers may be worded in the user's language
  return { ...state, reload: load, setData: (data) => setState((s) => ({ ...s, data })) };
}

/** Call reload() when the language changes (not on the first render): the component reads the
 * language signal while rendering, so it renders again then. */
export function useReloadOnLanguage(reload) {
  const code = lang();
  const shown = useRef(code);
  useEffect(() => {
    if (shown.current === code) return;
    shown.current = code;
    reload();
  }, [code]); // only a new language reloads, not a new reload function
}

export function query(params) {
  const parts = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === false || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(v)}`);
    }
  }
  return parts.length ? "?" + parts.join("&") : "";
}
