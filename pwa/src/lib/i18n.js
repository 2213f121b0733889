// t()/tn() with {name} placeholders; the catalog of the chosen language only is fetched
// (i18n/<lang>-<hash>.json, see pwa/vite/catalogs.js) and kept in the Cache API for offline use.
import { signal } from "@preact/signals";
import urls from "virtual:catalogs";
import { compilePlural } from "./plural.js";
import { RTL, bestLanguage } from "./languages.js";

const CACHE = "meedoen-i18n";
const KEY = "meedoen.lang";
let messages = {};
let pluralIndex = (n) => (n === 1 ? 0 : 1);

/** The app's language, a signal: {code, dir}. Only setLanguage() writes it. A component that
 * calls t(), tn(), lang() or a format helper while rendering reads it, so it re-renders when
 * the language changes; an effect() that calls them runs again. */
export const language = signal({ code: "nl", dir: "ltr" });

function format(text, vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

// The msgids the current screen drew, for "Suggest a better wording" (wording/); the app
// shell starts a new set on every navigation.
const drawn = new Set();
export const drawnTexts = () => [...drawn];
export const newScreen = () => drawn.clear();

export function t(msgid, vars) {
  drawn.add(msgid);
  void language.value; // read: whoever renders this text follows the language
  return format(messages[msgid] || msgid, vars);
}

export function tn(singular, plural, count, vars) {
  drawn.add(singular);
  void language.value;
  const forms = messages[singular];
  const all = { count, ...vars };
  if (Array.isArray(forms)) {
    const form = forms[pluralIndex(count)];
    if (form) return format(form, all);
  }
  return format(count === 1 ? singular : plural, all);
}

export const lang = () => language.value.code;
export const isRtl = (code = lang()) => RTL.has(code);

export function storedLanguage() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

export function initialLanguage() {
  return storedLanguage() || bestLanguage(navigator.languages || [navigator.language || "nl"]);
}

async function fetchCatalog(url) {
  const cache = "caches" in self ? await caches.open(CACHE).catch(() => null) : null;
  const hit = cache && (await cache.match(url));
  if (hit) return hit.json();
  const response = await fetch(url);
  if (!response.ok) throw new Error("catalog " + response.status);
  if (cache) {
    await cache.put(url, response.clone()).catch(() => {});
    for (const old of await cache.keys()) {
      if (!Object.values(urls).some((u) => old.url.endsWith(u))) cache.delete(old);
    }
  }
  return response.json();
}

export async function setLanguage(code, { remember = true } = {}) {
  const url = urls[code] ? code : "nl";
  let catalog = { plural: "n != 1", messages: {} };
  try {
    catalog = await fetchCatalog(urls[url]);
  } catch {
    // Offline and never loaded: the English source strings are better than nothing.
  }
  messages = catalog.messages;
  try { pluralIndex = compilePlural(catalog.plural); } catch { pluralIndex = (n) => +(n !== 1); }
  if (remember) {
    try { localStorage.setItem(KEY, url); } catch { /* private mode */ }
  }
  const dir = isRtl(url) ? "rtl" : "ltr";
  const root = document.documentElement;
  root.lang = url;
  root.dir = dir;
  language.value = { code: url, dir };
  return url;
}

const TZ = "Europe/Amsterdam";
const supported = (code) => { try { return Intl.DateTimeFormat.supportedLocalesOf([code]).length > 0; } catch { return false; } };

// Always the Gregorian calendar (activities are in the Netherlands), in Amsterdam time.
function formatter(options) {
  return new Intl.DateTimeFormat(`${lang()}-u-ca-gregory`, { timeZone: TZ, ...options });
}

const weekdays = () => [t("Sunday"), t("Monday"), t("Tuesday"), t("Wednesday"), t("Thursday"),
  t("Friday"), t("Saturday")];
const months = () => [t("January"), t("February"), t("March"), t("April"), t("May"), t("June"),
  t("July"), t("August"), t("September"), t("October"), t("November"), t("December")];
const numeric = new Intl.DateTimeFormat("en-US", { timeZone: TZ, weekday: "short", day: "numeric",
  month: "numeric", year: "numeric" });
const WEEKDAY = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** For languages the browser has no date names for (e.g. Tigrinya, Pashto): our own catalog. */
function ownDay(date) {
  const p = Object.fromEntries(numeric.formatToParts(date).map((x) => [x.type, x.value]));
  return t("{weekday} {day} {month}", { weekday: weekdays()[WEEKDAY[p.weekday]], day: p.day,
    month: months()[Number(p.month) - 1] });
}

export const formatDay = (iso) => (supported(lang())
  ? formatter({ weekday: "long", day: "numeric", month: "long" }).format(new Date(iso))
  : ownDay(new Date(iso)));
export const formatTime = (iso) => new Intl.DateTimeFormat(supported(lang()) ? lang() : "nl",
  { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
export const formatDateTime = (iso) => (supported(lang())
  ? formatter({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
      hourCycle: "h23" }).format(new Date(iso))
  : `${ownDay(new Date(iso))} ${formatTime(iso)}`);
/** "2026-12" as "December 2026" in `code` (the screen's own language by default). */
export function formatMonth(month, code = lang()) {
  const [year, m] = month.split("-").map(Number);
  if (!supported(code) && code === lang()) return `${months()[m - 1]} ${year}`;
  return new Intl.DateTimeFormat(`${supported(code) ? code : "nl"}-u-ca-gregory`,
    { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, m - 1, 15)));
}
/** A share (0–1) as a whole percentage; "–" when there is nothing to share. */
export const formatShare = (value) => (value == null ? "–" : `${Math.round(value * 100)}%`);
export function formatMoney(cents) {
  try {
    return new Intl.NumberFormat(lang(), { style: "currency", currency: "EUR" }).format(cents / 100);
  } catch {
    return "€ " + (cents / 100).toFixed(2);
  }
}
