// The shipped languages with their names in their own script (same list as GET /api/v1/languages;
// a browser test checks they match). Embedded so the very first screen needs no request.
export const LANGUAGES = [
  { code: "nl", name: "Nederlands", dir: "ltr" },
  { code: "en", name: "English", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "ti", name: "ትግርኛ", dir: "ltr" },
  { code: "fa", name: "فارسی / دری", dir: "rtl" },
  { code: "ps", name: "پښتو", dir: "rtl" },
  { code: "so", name: "Soomaali", dir: "ltr" },
  { code: "am", name: "አማርኛ", dir: "ltr" },
  { code: "ku", name: "Kurdî (Kurmancî)", dir: "ltr" },
  { code: "tr", name: "Türkçe", dir: "ltr" },
  { code: "fr", name: "Français", dir: "ltr" },
];
export const RTL = new Set(LANGUAGES.filter((l) => l.dir === "rtl").map((l) => l.code));

/** The writing direction of a text in ``code`` (fa_AF counts as fa); "auto" when unknown. */
export const dirOf = (code) => (!code ? "auto" : RTL.has(code.split(/[_-]/)[0]) ? "rtl" : "ltr");

/** Every language code, ``first`` before the others (the original language of a text). */
export const codesFirst = (first) => [first, ...LANGUAGES.map((l) => l.code).filter((c) => c !== first)];

export function languageName(code) {
  const found = LANGUAGES.find((l) => l.code === code || l.code === code?.split(/[_-]/)[0]);
  return found ? found.name : code;
}

export function bestLanguage(wanted = []) {
  for (const tag of wanted) {
    const base = tag.toLowerCase().split("-")[0];
    if (LANGUAGES.some((l) => l.code === base)) return base;
  }
  return "nl";
}
