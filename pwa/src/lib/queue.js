// Sign-up and cancel made offline: kept in IndexedDB with an Idempotency-Key and sent once
// when the network is back (Background Sync in the service worker where the browser has it,
// else the page on "online"). The server applies a key's effect exactly once, so a request
// sent by both the page and the service worker still counts once.
// An item the server refuses for good (a 4xx other than 429, e.g. the activity was cancelled
// meanwhile) is kept, marked `refused` with the server's reason, and sent no more: the screens
// tell the young person it did not go through until they dismiss it or try again.
import { database } from "./store.js";

const TAG = "meedoen-queue";
/** Announced after every change: an event on this page, a BroadcastChannel message to the other
 * pages and from the service worker. lib/queue-state.js reads the queue again then. */
export const QUEUE_CHANGED = "meedoen-queue-changed";

export function newKey() {
  if (self.crypto?.randomUUID) return self.crypto.randomUUID();
  const bytes = self.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function queued() {
  try { return await (await database()).getAll("queue"); } catch { return []; }
}

function announce() {
  try {
    const channel = new BroadcastChannel(QUEUE_CHANGED);
    channel.postMessage("changed");
    channel.close();
  } catch { /* old browser */ }
  if (typeof window !== "undefined") window.dispatchEvent(new Event(QUEUE_CHANGED));
}

/** Forget the refused items of an activity (the user has read the note, or tries again). */
export async function dismissRefused(activityId) {
  try {
    const db = await database();
    let changed = false;
    for (const old of await db.getAll("queue")) {
      if (old.refused && (activityId === undefined || old.activityId === activityId)) {
        await db.delete("queue", old.id);
        changed = true;
      }
    }
    if (changed) announce();
  } catch { /* storage unavailable: nothing kept */ }
}

/** Queue a request: {method, path, body, activityId, kind}. Replaces an opposite pending one. */
export async function enqueue(item) {
  await dismissRefused(item.activityId);
  const db = await database();
  for (const old of await db.getAll("queue")) {
    if (old.activityId === item.activityId && old.kind !== item.kind) {
      await db.delete("queue", old.id);
      announce();
      return null; // sign-up then cancel while offline: nothing to send
    }
  }
  const entry = { id: newKey(), key: newKey(), created: Date.now(), ...item };
  await db.put("queue", entry);
  announce();
  try {
    const registration = await navigator.serviceWorker?.ready;
    await registration?.sync?.register(TAG);
  } catch { /* no Background Sync: the page flushes on "online" */ }
  return entry;
}

// Meedoen answered "not now" (503, 429, ...): try the queue again after this long.
const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 5 * 60 * 1000;
const RETRY_DEFAULT_MS = 30 * 1000;
let retryTimer = null;

function retryLater(seconds) {
  if (typeof setTimeout !== "function" || retryTimer) return;
  const wanted = seconds > 0 ? seconds * 1000 : RETRY_DEFAULT_MS;
  retryTimer = setTimeout(() => { retryTimer = null; flush(); },
                          Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, wanted)));
}

/** true when sent; {status, code, message} when refused for good; else the seconds to wait
 * (0: unknown). */
async function send(entry) {
  const response = await fetch("/api/v1" + entry.path, {
    method: entry.method,
    credentials: "same-origin",
    headers: { "X-Requested-With": "fetch", "Content-Type": "application/json",
               "Idempotency-Key": entry.key },
    body: JSON.stringify(entry.body || {}),
  });
  // 5xx and 429: try again later. A 4xx is refused for good; anything else is done.
  if (response.status >= 500 || response.status === 429) {
    return Number(response.headers.get("Retry-After")) || 0;
  }
  if (response.status >= 400) {
    const data = await response.json().catch(() => null);
    return { status: response.status, code: String(data?.code || "error"),
             message: typeof data?.message === "string" ? data.message.slice(0, 300) : "" };
  }
  return true;
}

async function flushNow() {
  const db = await database();
  let sent = 0;
  for (const entry of await db.getAll("queue")) {
    if (entry.refused) continue; // kept to tell the user, never sent again
    let done = false;
    try { done = await send(entry); } catch { return sent; } // still offline: wait for "online"
    if (done === true) {
      await db.delete("queue", entry.id);
      sent += 1;
      announce();
    } else if (typeof done === "object") {
      await db.put("queue", { ...entry, refused: done });
      announce();
    } else {
      retryLater(done); // reachable but not answering: keep it and try again by itself
    }
  }
  return sent;
}

export function flush() {
  if (self.navigator?.locks) return navigator.locks.request(TAG, flushNow);
  return flushNow();
}

export const SYNC_TAG = TAG;
