// The app's three stores are signals (@preact/signals): `language` (lib/i18n.js),
// `currentUser` (lib/session.js) and `queue` with `pending` / `refused` (lib/queue-state.js).
// Here they run in node with stand-ins for what the browser gives: a page (window, document,
// localStorage, navigator), the server (fetch), IndexedDB (idb) and the build's virtual modules.
import assert from "node:assert/strict";
import { register } from "node:module";
import { beforeEach, test } from "node:test";
import { effect } from "@preact/signals";

// ---- the build's virtual modules and IndexedDB, as modules node can load --------------------
const CATALOGS = { nl: "/i18n/nl.json", ar: "/i18n/ar.json", ti: "/i18n/ti.json" };
const FAKE_IDB = `
const stores = new Map();
const copy = (value) => (value === undefined ? undefined : structuredClone(value));
const db = {
  createObjectStore(name, { keyPath } = {}) { stores.set(name, { keyPath, rows: new Map() }); },
  async get(name, key) { return copy(stores.get(name).rows.get(key)); },
  async getAll(name) { return [...stores.get(name).rows.values()].map(copy); },
  async put(name, value, key) {
    const store = stores.get(name);
    store.rows.set(store.keyPath ? value[store.keyPath] : key, copy(value));
  },
  async delete(name, key) { stores.get(name).rows.delete(key); },
  async clear(name) { stores.get(name).rows.clear(); },
};
export async function openDB(name, version, { upgrade }) {
  if (!stores.size) upgrade(db);
  return db;
}`;
const MODULES = {
  "virtual:catalogs": `export default ${JSON.stringify(CATALOGS)};`,
  "virtual:plural-rules": 'export default { "n != 1": (n) => Number(n != 1), "0": () => 0 };',
  idb: FAKE_IDB,
};
const HOOKS = `
const MODULES = ${JSON.stringify(MODULES)};
export async function resolve(specifier, context, next) {
  if (specifier in MODULES) {
    return { url: "data:text/javascript," + encodeURIComponent(MODULES[specifier]),
             shortCircuit: true };
  }
  return next(specifier, context);
}`;
register("data:text/javascript," + encodeURIComponent(HOOKS));

// ---- the page ---------------------------------------------------------------------------------
const saved = new Map();
globalThis.window = new EventTarget();
globalThis.self = globalThis;
globalThis.document = { documentElement: {} };
globalThis.localStorage = {
  getItem: (key) => (saved.has(key) ? saved.get(key) : null),
  setItem: (key, value) => saved.set(key, String(value)),
  removeItem: (key) => saved.delete(key),
};
Object.defineProperty(globalThis, "navigator",
  { value: { onLine: true, languages: ["nl"] }, configurable: true, writable: true });

// ---- the server: answers by "METHOD path"; every request is kept ----------------------------
const CATALOG = {
  "/i18n/nl.json": { plural: "n != 1", messages: {} },
  "/i18n/ar.json": { plural: "0", messages: { "Log out": "تسجيل الخروج" } },
  "/i18n/ti.json": { plural: "n != 1", messages: { "Log out": "ውጻእ" } },
};
let answers = {};
let requests = [];
globalThis.fetch = async (url, options = {}) => {
  const method = options.method || "GET";
  requests.push({ method, url, headers: options.headers || {} });
  if (CATALOG[url]) return Response.json(CATALOG[url]);
  const answer = answers[`${method} ${url.replace("/api/v1", "")}`];
  if (!answer) return Response.json({ code: "not_found", message: "Not found" }, { status: 404 });
  const [status, body] = answer;
  return status === 204 ? new Response(null, { status }) : Response.json(body, { status });
};

const { language, lang, setLanguage, t } = await import("../src/lib/i18n.js");
const { SESSION_EXPIRED } = await import("../src/lib/api.js");
const { currentUser, loadSession, logout, signedIn } = await import("../src/lib/session.js");
const { dismissRefused, enqueue, flush, QUEUE_CHANGED } = await import("../src/lib/queue.js");
const { cacheGet, cachePut, database } = await import("../src/lib/store.js");
const { queue, pending, refused } = await import("../src/lib/queue-state.js");

/** Let announced changes be read (the store reads IndexedDB, then sets the signal). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const YOUTH = { id: 7, role: "youth", display_name: "Amal", ui_language: "ar" };

beforeEach(async () => {
  await setLanguage("nl");
  answers = {};
  requests = [];
});

test("language: a switch gives new texts to every reader and sets the page's direction", async () => {
  const shown = [];
  const stop = effect(() => { shown.push(t("Log out")); }); // stands for a component
  assert.deepEqual(language.value, { code: "nl", dir: "ltr" });

  await setLanguage("ar");
  assert.deepEqual(language.value, { code: "ar", dir: "rtl" });
  assert.equal(lang(), "ar");
  assert.deepEqual([document.documentElement.lang, document.documentElement.dir], ["ar", "rtl"]);
  assert.equal(localStorage.getItem("meedoen.lang"), "ar");

  await setLanguage("ti");
  assert.deepEqual(language.value, { code: "ti", dir: "ltr" });
  assert.equal(document.documentElement.dir, "ltr");
  assert.deepEqual(shown, ["Log out", "تسجيل الخروج", "ውጻእ"]);

  await setLanguage("xx"); // not shipped: Dutch
  assert.deepEqual(language.value, { code: "nl", dir: "ltr" });
  stop();
});

test("session: a first visit asks nobody; signing in sets the user and their language", async () => {
  saved.delete("meedoen.session");
  assert.equal(await loadSession(), null);
  assert.equal(currentUser.value, null);
  assert.deepEqual(requests, []); // no /me (and no 401 in the log) on a first visit

  const users = [];
  const stop = effect(() => { users.push(currentUser.value?.id ?? null); });
  await signedIn(YOUTH);
  assert.equal(currentUser.value.display_name, "Amal");
  assert.equal(localStorage.getItem("meedoen.session"), "1");
  assert.deepEqual(language.value, { code: "ar", dir: "rtl" }); // the user's own language

  answers["GET /me"] = [200, { ...YOUTH, display_name: "Amal B." }];
  assert.equal((await loadSession()).display_name, "Amal B."); // a device with a session asks
  stop();
  assert.deepEqual(users, [null, 7, 7]);
});

test("session: logout clears the user, the saved answers and the offline queue", async () => {
  await signedIn(YOUTH);
  await cachePut("u7:ar:/activities", { items: [1] });
  navigator.onLine = false;
  await enqueue({ kind: "signup", activityId: 5, method: "POST", path: "/activities/5/signup" });
  await settle();
  assert.equal(pending.value.length, 1);

  answers["POST /auth/logout"] = [204];
  await logout();
  await settle();
  assert.equal(currentUser.value, null);
  assert.equal(localStorage.getItem("meedoen.session"), null);
  assert.ok(requests.some((r) => r.method === "POST" && r.url === "/api/v1/auth/logout"));
  assert.equal(await cacheGet("u7:ar:/activities"), null);
  assert.deepEqual(queue.value, []);
  navigator.onLine = true;
});

test("session: when the server ends the session, the device forgets the user", async () => {
  await signedIn(YOUTH);
  window.dispatchEvent(new Event(SESSION_EXPIRED)); // lib/api.js after a 401
  await settle();
  assert.equal(currentUser.value, null);
});

test("queue: a replay the server refuses is kept, shown as refused and not sent again", async () => {
  await signedIn(YOUTH);
  await enqueue({ kind: "signup", activityId: 5, method: "POST", path: "/activities/5/signup" });
  await settle();
  assert.deepEqual(pending.value.map((item) => item.activityId), [5]);
  assert.deepEqual(refused.value, []);

  answers["POST /activities/5/signup"] = [409, { code: "activity_cancelled",
                                                 message: "This activity was cancelled." }];
  await flush();
  await settle();
  assert.deepEqual(pending.value, []);
  assert.deepEqual(refused.value.map((item) => [item.activityId, item.kind, item.refused]),
    [[5, "signup", { status: 409, code: "activity_cancelled",
                     message: "This activity was cancelled." }]]);

  requests = [];
  await flush();
  assert.deepEqual(requests, []); // kept to tell the user, never sent again

  await dismissRefused(5); // "OK, I understand"
  await settle();
  assert.deepEqual(queue.value, []);
});

test("queue: a replay that goes through is sent once with its key and leaves the queue", async () => {
  await signedIn(YOUTH);
  const entry = await enqueue({ kind: "cancel", activityId: 8, method: "DELETE",
                                path: "/activities/8/signup" });
  answers["DELETE /activities/8/signup"] = [200, { status: "cancelled" }];
  await flush();
  await settle();
  const sent = requests.filter((r) => r.url === "/api/v1/activities/8/signup");
  assert.equal(sent.length, 1);
  assert.equal(sent[0].headers["Idempotency-Key"], entry.key);
  assert.deepEqual(queue.value, []);
});

test("queue: a change made by the service worker reaches the page's signal", async () => {
  await signedIn(YOUTH);
  await enqueue({ kind: "signup", activityId: 9, method: "POST", path: "/activities/9/signup" });
  await settle();
  assert.equal(pending.value.length, 1);

  // The service worker sent it (Background Sync) and tells the pages on the channel.
  const db = await database();
  await db.clear("queue");
  const worker = new BroadcastChannel(QUEUE_CHANGED);
  worker.postMessage("changed");
  worker.close();
  await settle();
  assert.deepEqual(pending.value, []);
});
