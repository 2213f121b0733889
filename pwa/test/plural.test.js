// The plural rules are compiled at build time (pwa/vite/plural.js, served as
// virtual:plural-rules by the catalogs plugin): every catalog's rule gives gettext's form.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import gettextParser from "gettext-parser";
import catalogs from "../vite/catalogs.js";
import { pluralSource } from "../vite/plural.js";

const TRANSLATIONS = new URL("../../translations/", import.meta.url);
const COUNTS = [...Array(250).keys(), 1000, 1001, 1_000_000, 2_000_000];

function pluralExpressions() {
  return readdirSync(TRANSLATIONS).flatMap((lang) => {
    const po = new URL(`${lang}/LC_MESSAGES/messages.po`, TRANSLATIONS);
    if (!existsSync(po)) return [];
    const header = gettextParser.po.parse(readFileSync(po)).headers["Plural-Forms"];
    return [[lang, header.match(/plural=([^;]+);?/)[1].trim()]];
  });
}

// The reference: C's meaning of the expression, evaluated as written (integers; a comparison
// is 0 or 1). These expressions hold no division, so JavaScript's arithmetic is C's here.
function reference(expression) {
  assert.match(expression, /^[n\d\s?:()<>=!&|%*+-]+$/);
  const rule = new Function("n", `return Number(${expression});`);
  return (n) => rule(n);
}

const compiled = (expression) => new Function(`return ${pluralSource(expression)};`)();

async function builtRules() {
  const plugin = catalogs({ translations: fileURLToPath(TRANSLATIONS),
                            sources: fileURLToPath(new URL("../src", import.meta.url)) });
  plugin.buildStart();
  const source = plugin.load(plugin.resolveId("virtual:plural-rules"));
  return (await import(`data:text/javascript,${encodeURIComponent(source)}`)).default;
}

const expressions = pluralExpressions();

test("every shipped catalog has a plural rule", () => {
  assert.ok(expressions.length >= 11, `found ${expressions.length}`);
});

test("the app gets a ready function for every catalog's rule", async () => {
  const rules = await builtRules();
  for (const [lang, expression] of expressions) {
    assert.equal(typeof rules[expression], "function", lang);
    assert.deepEqual(COUNTS.map(rules[expression]), COUNTS.map(reference(expression)), lang);
  }
  assert.deepEqual([0, 1, 2].map(rules["n != 1"]), [1, 0, 1]);  // no Plural-Forms header
});

for (const [lang, expression] of expressions) {
  test(`plural rule of ${lang}: ${expression}`, () => {
    assert.deepEqual(COUNTS.map(compiled(expression)), COUNTS.map(reference(expression)));
  });
}

test("Arabic's six forms", () => {
  const arabic = expressions.find(([lang]) => lang === "ar")[1];
  assert.deepEqual([0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map(compiled(arabic)),
    [0, 1, 2, 3, 3, 4, 4, 5, 5, 3, 4]);
});

test("C semantics: comparisons give 0 or 1, integer division, precedence", () => {
  assert.deepEqual([0, 1, 2].map(compiled("n != 1")), [1, 0, 1]);
  assert.deepEqual([0, 1, 2].map(compiled("(n > 1)")), [0, 0, 1]);
  assert.deepEqual([7, 8].map(compiled("n / 2 % 2")), [1, 0]);
  assert.deepEqual([1, 2, 3].map(compiled("1 + n * 2 == 5 || n == 1 ? 3 : 4")), [3, 3, 4]);
  assert.deepEqual([0, 2, 5].map(compiled("n && n - 2 ? 7 : 8")), [8, 8, 7]);
});

test("anything but a plural expression is refused at build time", () => {
  for (const bad of ["alert(1)", "n ? 1", "n )", "(n", "n ; 1", "x", "n +", "constructor"]) {
    assert.throws(() => pluralSource(bad), /bad plural expression/, bad);
  }
});
