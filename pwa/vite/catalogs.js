// Vite plugin: compiles translations/<lang>/LC_MESSAGES/messages.po into one small JSON per
// language holding only the PWA's strings (those used in t()/tn() under pwa/src), emitted as
// i18n/<lang>-<hash>.json. The app imports "virtual:catalogs" ({lang: url}) and fetches only
// the chosen language. The plural rule travels as the .po's Plural-Forms expression, the key
// into "virtual:plural-rules" ({expression: function}, compiled here by ./plural.js: the app
// parses nothing at run time and its CSP forbids eval).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import gettextParser from "gettext-parser";
import { pluralModule } from "./plural.js";

const VIRTUAL = "virtual:catalogs";
const RESOLVED = "\0" + VIRTUAL;
const PLURALS = "virtual:plural-rules";
const DEFAULT_PLURAL = "n != 1";
const RESOLVED_PLURALS = "\0" + PLURALS;
// t("...") / tn("...", "...", n): same keywords translate.py gives pybabel (-k t -k tn:1,2).
const CALL = /\b(tn?)\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(js|jsx)$/.test(name) ? [path] : [];
  });
}

export function usedMsgids(sourcesDir) {
  const ids = new Set();
  for (const file of sourceFiles(sourcesDir)) {
    for (const match of readFileSync(file, "utf8").matchAll(CALL)) {
      ids.add(JSON.parse(match[2].startsWith("'")
        ? `"${match[2].slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`
        : match[2]));
    }
  }
  return ids;
}

function compile(poPath, ids) {
  const po = gettextParser.po.parse(readFileSync(poPath));
  const messages = {};
  for (const entry of Object.values(po.translations[""] || {})) {
    if (!entry.msgid || !ids.has(entry.msgid)) continue;
    if ((entry.comments?.flag || "").includes("fuzzy")) continue;
    const forms = entry.msgstr.filter(Boolean);
    if (!forms.length) continue;
    messages[entry.msgid] = entry.msgid_plural ? entry.msgstr : entry.msgstr[0];
  }
  const plural = (po.headers["Plural-Forms"] || "").match(/plural=([^;]+);?/);
  return { plural: plural ? plural[1].trim() : DEFAULT_PLURAL, messages };
}

export function buildCatalogs(translationsDir, sourcesDir) {
  const ids = usedMsgids(sourcesDir);
  const out = {};
  for (const lang of readdirSync(translationsDir)) {
    const po = join(translationsDir, lang, "LC_MESSAGES", "messages.po");
    try { statSync(po); } catch { continue; }
    const catalog = compile(po, ids);
    const json = JSON.stringify(catalog);
    const hash = createHash("sha256").update(json).digest("hex").slice(0, 10);
    out[lang] = { fileName: `i18n/${lang}-${hash}.json`, json, plural: catalog.plural };
  }
  return out;
}

export default function catalogs({ translations, sources }) {
  let built = {};
  return {
    name: "meedoen-catalogs",
    buildStart() {
      built = buildCatalogs(translations, sources);
    },
    resolveId(id) {
      return { [VIRTUAL]: RESOLVED, [PLURALS]: RESOLVED_PLURALS }[id] ?? null;
    },
    load(id) {
      if (id === RESOLVED_PLURALS) {
        return pluralModule([DEFAULT_PLURAL, ...Object.values(built).map((c) => c.plural)]);
      }
      if (id !== RESOLVED) return null;
      const urls = Object.fromEntries(Object.entries(built).map(([l, c]) => [l, "/" + c.fileName]));
      return `export default ${JSON.stringify(urls)};`;
    },
    generateBundle() {
      for (const { fileName, json } of Object.values(built)) {
        this.emitFile({ type: "asset", fileName, source: json });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const found = Object.values(built).find((c) => "/" + c.fileName === req.url);
        if (!found) return next();
        res.setHeader("Content-Type", "application/json");
        res.end(found.json);
      });
    },
  };
}
