// IndexedDB (idb): the last answer of each cached API read, the offline queue and a few settings
// the service worker needs. Shared by the page and the service worker.
import { openDB } from "idb";

let opened;
export function database() {
  opened ||= openDB("meedoen", 1, {
    upgrade(db) {
      db.createObjectStore("cache");
      db.createObjectStore("queue", { keyPath: "id" });
      db.createObjectStore("kv");
    },
  });
  return opened;
}

export async function cacheGet(key) {
  try { return (await (await database()).get("cache", key)) || null; } catch { return null; }
}

export async function cachePut(key, data) {
  try {
    await (await database()).put("cache", { data, updatedAt: new Date().toISOString() }, key);
  } catch { /* storage full or unavailable: the app still works online */ }
}

export async function kvGet(key) {
  try { return await (await database()).get("kv", key); } catch { return undefined; }
}

export async function kvPut(key, value) {
  try { await (await database()).put("kv", value, key); } catch { /* see cachePut */ }
}

export async function clearUserData() {
  const db = await database();
  await Promise.all(["cache", "queue"].map((store) => db.clear(store)));
}
