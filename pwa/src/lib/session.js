// Who is logged in. user: undefined while loading, null when logged out.
import { useEffect, useState } from "preact/hooks";
import { SESSION_EXPIRED, api, isUnreachable, setCacheScope } from "./api.js";
import { clearUserData, kvGet, kvPut } from "./store.js";
import { setLanguage, lang } from "./i18n.js";

let user;
const listeners = new Set();
// Set while this device has a session, so that a first visit does not ask /me (and log a 401).
const FLAG = "meedoen.session";

function remember(on) {
  try { if (on) localStorage.setItem(FLAG, "1"); else localStorage.removeItem(FLAG); } catch { /* private mode */ }
}

function hasSession() {
  try { return localStorage.getItem(FLAG) === "1"; } catch { return true; }
}

function publish(next) {
  user = next;
  if (next !== undefined) remember(Boolean(next));
  setCacheScope(next ? `u${next.id}` : "anon");
  if (next) kvPut("user", next);
  listeners.forEach((fn) => fn());
}

export const currentUser = () => user;
export const STAFF = ["mentor", "youth_worker", "admin"];
export const isStaff = (u = user) => Boolean(u && STAFF.includes(u.role));

export async function loadSession() {
  if (!hasSession()) {
    publish(null);
    return user;
  }
  try {
    const me = await api("/me");
    publish(me);
  } catch (error) {
    // Offline, or Meedoen not reachable (503): keep the last known user so the cached
    // screens still show. Only a real answer (401) logs out.
    publish(isUnreachable(error) ? (await kvGet("user")) || null : null);
  }
  return user;
}

export async function signedIn(me) {
  publish(me);
  if (me.ui_language && me.ui_language !== lang()) await setLanguage(me.ui_language);
}

export async function updateMe(changes) {
  const me = await api("/me", { method: "PATCH", body: changes });
  publish(me);
  return me;
}

export async function logout() {
  try { await api("/auth/logout", { method: "POST" }); } catch { /* offline: forget locally */ }
  await clearUserData();
  await kvPut("user", null);
  publish(null);
}

export async function forget() {
  await clearUserData();
  await kvPut("user", null);
  publish(null);
}

// The server ended the session (expired, logged out elsewhere): back to the welcome screen.
window.addEventListener(SESSION_EXPIRED, () => { if (user) forget(); });

export function useSession() {
  const [, rerender] = useState(0);
  useEffect(() => {
    const fn = () => rerender((n) => n + 1);
    listeners.add(fn);
    return () => listeners.delete(fn);
  }, []);
  return { user };
}
