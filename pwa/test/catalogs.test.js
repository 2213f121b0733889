// The build keeps exactly the msgids of t()/tn() calls (pwa/vite/catalogs.js): the same set
// pybabel extracts for the catalogs (PYTHON: the interpreter that has Babel, default .venv).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import gettextParser from "gettext-parser";
import { usedMsgids } from "../vite/catalogs.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PYTHON = process.env.PYTHON || join(ROOT, ".venv", "bin", "python");

function pybabelMsgids() {
  const tmp = mkdtempSync(join(tmpdir(), "meedoen-pot-"));
  try {
    const cfg = join(tmp, "babel.cfg");
    writeFileSync(cfg, "[javascript: pwa/src/**.js]\n[javascript: pwa/src/**.jsx]\n");
    const pot = join(tmp, "pwa.pot");
    execFileSync(PYTHON, ["-m", "babel.messages.frontend", "extract", "-F", cfg, "-k", "t",
      "-k", "tn:1,2", "-o", pot, "."], { cwd: ROOT, stdio: "pipe" });
    return new Set(Object.keys(gettextParser.po.parse(readFileSync(pot)).translations[""])
      .filter(Boolean));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

test("the build's msgids are exactly what pybabel extracts from pwa/src", () => {
  const extracted = pybabelMsgids();
  const ours = usedMsgids(join(ROOT, "pwa", "src"));
  assert.ok(extracted.size > 100, `pybabel found ${extracted.size}`);
  assert.deepEqual([...ours].sort(), [...extracted].sort());
});

test("quotes and escapes in t() and tn() are read as the extractor reads them", () => {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-src-"));
  try {
    writeFileSync(join(dir, "a.jsx"), [
      `t("Say \\"hi\\"");`, `t('It\\'s "here"');`, `tn("{count} idea", "{count} ideas", n);`,
      `format("not this"); it("nor this");`].join("\n"));
    assert.deepEqual([...usedMsgids(dir)].sort(),
      [`It's "here"`, `Say "hi"`, "{count} idea"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
