// The service worker: precached app shell, offline navigation, Web Push and the offline queue.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { flush, SYNC_TAG } from "./lib/queue.js";
import { kvGet } from "./lib/store.js";
import { notificationFor, parsePayload, safePath } from "./lib/push-payload.js";

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL("index.html"), {
  denylist: [/^\/api\//],
}));

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// ---- Push: always show something, never throw -------------------------------------------

const DEFAULT = { title: "Meedoen", body: "" };

function readData(event) {
  try { return event.data ? event.data.text() : ""; } catch { return ""; }
}

async function showPush(event) {
  const payload = parsePayload(readData(event));
  let fallback = DEFAULT;
  try { fallback = (await kvGet("fallback")) || DEFAULT; } catch { /* IndexedDB unavailable */ }
  const { title, options } = notificationFor(payload, fallback, self.location.origin);
  await self.registration.showNotification(title, options);
  // Let open pages refresh their inbox.
  const windows = await self.clients.matchAll({ type: "window" });
  windows.forEach((client) => client.postMessage({ type: "push" }));
}

self.addEventListener("push", (event) => {
  event.waitUntil(
    showPush(event).catch(() =>
      self.registration.showNotification(DEFAULT.title, { body: "" }).catch(() => {})),
  );
});

async function openPath(path) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).origin === self.location.origin && "focus" in client) {
      await client.focus();
      if ("navigate" in client) return client.navigate(path).catch(() => null);
      return client;
    }
  }
  return self.clients.openWindow(path);
}

/** The inbox item was opened from the notification: the sender's figures count it. */
function recordOpened(id) {
  if (!Number.isInteger(id)) return Promise.resolve();
  return fetch(`/api/v1/inbox/${id}/read`, {
    method: "POST", credentials: "same-origin",
    headers: { "X-Requested-With": "fetch", "Content-Type": "application/json" },
    body: JSON.stringify({ opened: true }),
  }).catch(() => null);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const path = safePath(data.url, self.location.origin);
  event.waitUntil(Promise.all([openPath(path).catch(() => null), recordOpened(data.id)]));
});

// ---- Offline queue: Background Sync where the browser has it -----------------------------

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(flush());
});
