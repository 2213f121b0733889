// Which empty language tabs "Translate the missing languages" fills (lib/translation-targets.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { LANGUAGES } from "../src/lib/languages.js";
import { targetsFor } from "../src/lib/translation-targets.js";

const texts = { nl: { title: "Samen koken" }, en: { title: "Cooking" }, so: { title: " " } };

test("the empty tabs in the languages the young people here read", () => {
  // so: a tab that exists, emptied again.
  assert.deepEqual(targetsFor({ source: "nl", texts, audience: ["ar", "en", "nl", "ti"] }),
    ["ar", "ti", "so"]);
});

test("a stored text that is empty now is filled too", () => {
  assert.deepEqual(targetsFor({ source: "nl", texts, loaded: { fr: "outdated" }, audience: ["ti"] }),
    ["ti", "so", "fr"]);
});

test("an unknown audience means every shipped language without a text", () => {
  assert.deepEqual(targetsFor({ source: "nl", texts, audience: null }),
    LANGUAGES.map((l) => l.code).filter((code) => !["nl", "en"].includes(code)));
});

test("never the original", () => {
  assert.deepEqual(targetsFor({ source: "ar", texts: { ar: { title: "طبخ" } }, audience: ["ar", "nl"] }),
    ["nl"]);
});
