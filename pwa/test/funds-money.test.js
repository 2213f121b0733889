// Amounts a young person or an intermediary types, in cents (pwa/src/funds/money.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { toCents } from "../src/funds/money.js";

test("whole euros and cents with a comma or a point", () => {
  assert.equal(toCents("240"), 24000);
  assert.equal(toCents(" 12,50 "), 1250);
  assert.equal(toCents("0.99"), 99);
  assert.equal(toCents(19.9), 1990);
});

test("anything else is not an amount", () => {
  for (const typed of ["", "abc", "-5", "1,2,3", "12.345", "€ 10", null, undefined]) {
    assert.ok(Number.isNaN(toCents(typed)), String(typed));
  }
});
