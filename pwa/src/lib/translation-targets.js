// Which empty language tabs "Translate the missing languages" fills (pure: tested with node).
import { LANGUAGES } from "./languages.js";

const blank = (fields) => !fields || Object.values(fields).every((value) => !String(value ?? "").trim());

/**
 * The empty tabs in the languages the young people here read (`audience`, from
 * GET /translation/coverage; null when unknown: every shipped language), plus every tab that
 * exists already (a stored text in `loaded`, or one typed in and emptied again in `texts`);
 * never the original (`source`), never a tab with text.
 */
export function targetsFor({ source, texts = {}, loaded = {}, audience = null }) {
  const wanted = audience
    ? new Set([...audience, ...Object.keys(texts || {}), ...Object.keys(loaded || {})]) : null;
  return LANGUAGES.map((l) => l.code).filter((code) => code !== source && blank(texts?.[code])
    && (!wanted || wanted.has(code)));
}
