// Who is logged in: the signal `currentUser`, read by components as `currentUser.value` ({id, role,
// display_name, ui_language, ...}; undefined while loading, null when logged out). Only the
// functions below write it.
import { signal } from "@preact/signals";
import { SESSION_EXPIRED, api, isUnreachable, setCacheScope } from "./api.js";
import { clearUserData, kvGet, kvPut } from "./store.js";
import { setLanguage, lang } from "./i18n.js";

export const currentUser = signal(undefined);
// Set while this device has a session, so that a first visit does not ask /me (and log a 401).
const FLAG = "meedoen.session";

function remember(on) {
  try { if (on) localStorage.setItem(FLAG, "1"); else localStorage.removeItem(FLAG); } catch { /* private mode */ }
}

function hasSession() {
  try { return localStorage.getItem(FLAG) === "1"; } catch { return true; }
}

function publish(next) {
  if (next !== undefined) remember(Boolean(next));
  setCacheScope(next ? `u${next.id}` : "anon");
  if (next) kvPut("user", next);
  currentUser.value = next;
}

export const STAFF = ["mentor", "youth_worker", "admin"];
export const isStaff = (u = currentUser.value) => Boolean(u && STAFF.includes(u.role));

export async function loadSession() {
  if (!hasSession()) {
    publish(null);
    return null;
  }
  try {
    const me = await api("/me");
    publish(me);
  } catch (error) {
    // Offline, or Meedoen not reachable (503): keep the last known user so the cached
    // screens still show. Only a real answer (401) logs out.
    publish(isUnreachable(error) ? (await kvGet("user")) || null : null);
  }
  return currentUser.peek();
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
  await forget();
}

/** Forget this device's user: saved answers, the offline queue, the user. */
export async function forget() {
  await clearUserData();
  await kvPut("user", null);
  publish(null);
}

// The server ended the session (expired, logged out elsewhere): back to the welcome screen.
window.addEventListener(SESSION_EXPIRED, () => { if (currentUser.peek()) forget(); });
