// The shipped languages with their names in their own script (same list as GET /api/v1/languages;
// a browser test checks they match). Embedded so the very first screen needs no request.
export const LANGUAGES = [
  { code: "nl", name: "Nederlands", dir: "ltr" },
  { code: "en", name: "English", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "ti", name: "ትግርኛ", dir: "ltr" },
  { code: "fa", name: "فارسی", dir: "rtl" },
  { code: "prs", name: "دری", dir: "rtl" },
  { code: "ps", name: "پښتو", dir: "rtl" },
  { code: "so", name: "Soomaali", dir: "ltr" },
  { code: "am", name: "አማርኛ", dir: "ltr" },
  { code: "om", name: "Afaan Oromoo", dir: "ltr" },
  { code: "ku", name: "Kurdî (Kurmancî)", dir: "ltr" },
  { code: "ckb", name: "کوردی (سۆرانی)", dir: "rtl" },
  { code: "tr", name: "Türkçe", dir: "ltr" },
  { code: "fr", name: "Français", dir: "ltr" },
];
export const RTL = new Set(LANGUAGES.filter((l) => l.dir === "rtl").map((l) => l.code));

// Dari was stored and sent as fa_AF / fa-AF before it had a catalog of its own (prs).
const LEGACY = { fa_af: "prs" };

/** The language of a code without its region: fa_AF → prs, ar-SY → ar. */
export const baseCode = (code) => {
  const plain = code.toLowerCase().replace("-", "_");
  return LEGACY[plain] || plain.split("_")[0];
};

/** The writing direction of a text in ``code``; "auto" when unknown. */
export const dirOf = (code) => (!code ? "auto" : RTL.has(baseCode(code)) ? "rtl" : "ltr");

/** Every language code, ``first`` before the others (the original language of a text). */
export const codesFirst = (first) => [first, ...LANGUAGES.map((l) => l.code).filter((c) => c !== first)];

export function languageName(code) {
  const found = code && LANGUAGES.find((l) => l.code === code || l.code === baseCode(code));
  return found ? found.name : code;
}

export function bestLanguage(wanted = []) {
  for (const tag of wanted) {
    const base = baseCode(tag);
    if (LANGUAGES.some((l) => l.code === base)) return base;
  }
  return "nl";
}
