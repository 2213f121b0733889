// What the service worker makes of a push message: pure functions (tested with node).

const text = (value, max) => (typeof value === "string" ? value.slice(0, max) : "");

/** Only a path of this app: other origins, javascript:, //host … open the inbox instead. */
export function safePath(url, origin) {
  try {
    if (typeof url !== "string" || !url) return "/inbox";
    const target = new URL(url, origin);
    if (target.origin !== origin) return "/inbox";
    return target.pathname + target.search + target.hash;
  } catch {
    return "/inbox";
  }
}

/** The payload as an object whatever arrived: JSON object, other JSON, plain text or nothing. */
export function parsePayload(raw) {
  if (typeof raw !== "string" || !raw) return {};
  try {
    const parsed = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : { body: raw };
  } catch {
    return { body: raw };
  }
}

const BODY_MAX = 1000;

/** A machine translated message says so on a line of its own, under the (shortened) body. */
function withMachineNote(body, note) {
  const line = text(note, 80).trim() || "Machine translated";
  if (!body) return line;
  const room = BODY_MAX - line.length - 1;
  return `${body.length > room ? body.slice(0, room - 1) + "…" : body}\n${line}`;
}

/**
 * title and options for showNotification; fallback = {title, body, machine} in the user's
 * language (machine: the words for "Machine translated").
 */
export function notificationFor(payload, fallback, origin) {
  const title = text(payload.title, 200) || fallback.title || "Meedoen";
  let body = text(payload.body, BODY_MAX) || (payload.title ? "" : fallback.body || "");
  const machine = payload.translation === "machine";
  if (machine) body = withMachineNote(body, fallback.machine);
  const options = {
    body,
    icon: "/icon-192.png",
    badge: "/icon-192.png",
    dir: ["ltr", "rtl"].includes(payload.dir) ? payload.dir : "auto",
    data: { url: safePath(payload.url, origin), id: Number.isInteger(payload.id) ? payload.id : null },
  };
  const lang = text(payload.lang, 20);
  if (lang) options.lang = lang;
  const topic = text(payload.topic, 64);
  if (topic) { options.tag = topic; options.renotify = true; }
  if (machine) options.data.translation = "machine";
  return { title, options };
}
