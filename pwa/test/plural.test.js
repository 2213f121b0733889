// The plural rule of every catalog (lib/plural.js) gives gettext's form for every count.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { test } from "node:test";
import gettextParser from "gettext-parser";
import { compilePlural } from "../src/lib/plural.js";

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

// The reference: C's meaning of the expression (integers; a comparison is 0 or 1). These
// expressions hold no division, so JavaScript's arithmetic is C's; tests run without the CSP.
function reference(expression) {
  assert.match(expression, /^[n\d\s?:()<>=!&|%*+-]+$/);
  // eslint-disable-next-line no-new-func
  const rule = new Function("n", `return Number(${expression});`);
  return (n) => rule(n);
}

const expressions = pluralExpressions();

test("every shipped catalog has a plural rule", () => {
  assert.ok(expressions.length >= 11, `found ${expressions.length}`);
});

for (const [lang, expression] of expressions) {
  test(`plural rule of ${lang}: ${expression}`, () => {
    const ours = compilePlural(expression);
    const expected = reference(expression);
    assert.deepEqual(COUNTS.map(ours), COUNTS.map(expected));
  });
}

test("Arabic's six forms", () => {
  const arabic = expressions.find(([lang]) => lang === "ar")[1];
  assert.deepEqual([0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map(compilePlural(arabic)),
    [0, 1, 2, 3, 3, 4, 4, 5, 5, 3, 4]);
});

test("C semantics: comparisons give 0 or 1, integer division, precedence", () => {
  assert.deepEqual([0, 1, 2].map(compilePlural("n != 1")), [1, 0, 1]);
  assert.deepEqual([0, 1, 2].map(compilePlural("(n > 1)")), [0, 0, 1]);
  assert.deepEqual([7, 8].map(compilePlural("n / 2 % 2")), [1, 0]);
  assert.deepEqual([1, 2, 3].map(compilePlural("1 + n * 2 == 5 || n == 1 ? 3 : 4")), [3, 3, 4]);
});

test("anything but a plural expression is refused", () => {
  for (const bad of ["alert(1)", "n ? 1", "n )", "(n", "n ; 1", "x"]) {
    assert.throws(() => compilePlural(bad), /bad plural expression/, bad);
  }
});
