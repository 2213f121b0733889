// The "Show more" helper (p../src/lib/paging.js): how the next page is asked for and joined.
import assert from "node:assert/strict";
import { test } from "node:test";
import { joinPage, pagePath } from "../src/lib/paging.js";

test("the first page has no cursor; later pages add it to the query", () => {
  assert.equal(pagePath("/users?role=mentor", null), "/users?role=mentor");
  assert.equal(pagePath("/users?role=mentor", "a.b+c"), "/users?role=mentor&cursor=a.b%2Bc");
  assert.equal(pagePath("/users", "xyz"), "/users?cursor=xyz");
});

test("pages join in order and the last page ends the list", () => {
  const first = joinPage(null, { items: [{ id: 1 }, { id: 2 }], next_cursor: "c1" });
  assert.deepEqual(first, { items: [{ id: 1 }, { id: 2 }], next: "c1", info: {} });
  const last = joinPage(first.items, { items: [{ id: 3 }], next_cursor: null });
  assert.deepEqual(last, { items: [{ id: 1 }, { id: 2 }, { id: 3 }], next: null, info: {} });
});

test("a page's other fields come along; an item already shown is not repeated", () => {
  const first = joinPage(null, { items: [{ id: 7 }, { id: 5 }], next_cursor: "c", total: 4 });
  assert.deepEqual(first.info, { total: 4 });
  const next = joinPage(first.items, { items: [{ id: 5 }, { id: 3 }], next_cursor: null,
                                       total: 4, unread: 1 });
  assert.deepEqual(next, { items: [{ id: 7 }, { id: 5 }, { id: 3 }], next: null,
                           info: { total: 4, unread: 1 } });
});
