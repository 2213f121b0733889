// What the service worker shows for a push message, whatever arrives (lib/push-payload.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { notificationFor, parsePayload, safePath } from "../src/lib/push-payload.js";

const origin = "https://meedoen.example";

test("every payload gives a notification and only a path of this app", () => {
  const fallback = { title: "Meedoen", body: "Je hebt een nieuw bericht." };
  const raws = ["", "{broken", "[1,2]", "null", "42", JSON.stringify({ title: 7, body: {} }),
    JSON.stringify({ title: "ሰላም", body: "ጽሑፍ", url: "/inbox/3", topic: "n-3", lang: "ti",
                     dir: "ltr", id: 3 }), "x".repeat(5000)];
  const shown = raws.map((raw) => notificationFor(parsePayload(raw), fallback, origin));
  assert.ok(shown.every((n) => n.title));
  assert.deepEqual(shown[0], { title: "Meedoen", options: {
    body: "Je hebt een nieuw bericht.", icon: "/icon-192.png", badge: "/icon-192.png",
    dir: "auto", data: { url: "/inbox", id: null } } });
  assert.equal(shown[1].options.body, "{broken");
  const tigrinya = shown[6];
  assert.equal(tigrinya.title, "ሰላም");
  assert.equal(tigrinya.options.tag, "n-3");
  assert.deepEqual(tigrinya.options.data, { url: "/inbox/3", id: 3 });
  assert.equal(shown[7].options.body.length, 1000);

  const paths = ["https://evil.example/x", "//evil.example/x", "javascript:alert(1)",
    "/activities/4?x=1#y", "activities/4", "", null, 5, "https://meedoen.example/help"]
    .map((url) => safePath(url, origin));
  assert.deepEqual(paths, ["/inbox", "/inbox", "/inbox", "/activities/4?x=1#y",
    "/activities/4", "/inbox", "/inbox", "/inbox", "/help"]);
});

test("a machine translated push says so in the user's language", () => {
  const fallback = { title: "Meedoen", body: "ሓድሽ መልእኽቲ ኣሎካ።", machine: "ብማሽን ዝተተርጎመ" };
  const message = { title: "ቋንቋ ካፌ", body: "ረቡዕ ሰዓት 16:00", lang: "ti", dir: "ltr", id: 9 };
  const shown = (payload, words = fallback) => notificationFor(payload, words, origin).options;

  const machine = shown({ ...message, translation: "machine" });
  assert.equal(machine.body, "ረቡዕ ሰዓት 16:00\nብማሽን ዝተተርጎመ");
  assert.deepEqual(machine.data, { url: "/inbox", id: 9, translation: "machine" });
  for (const other of [shown({ ...message, translation: "human" }), shown(message)]) {
    assert.equal(other.body, "ረቡዕ ሰዓት 16:00");
    assert.equal("translation" in other.data, false);
  }
  const long = shown({ ...message, body: "ሀ".repeat(5000), translation: "machine" }).body;
  assert.equal(long.length, 1000);
  assert.ok(long.endsWith("…\nብማሽን ዝተተርጎመ"));
  assert.equal(shown({ title: "ቋንቋ ካፌ", translation: "machine" }).body, "ብማሽን ዝተተርጎመ");
  assert.ok(shown({ ...message, translation: "machine" }, { title: "Meedoen" }).body
    .endsWith("\nMachine translated"));
});
