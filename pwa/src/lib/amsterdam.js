// Form inputs give a wall-clock time; activities happen in Europe/Amsterdam whatever the
// phone's own time zone is. These convert between the two.
const TZ = "Europe/Amsterdam";
const parts = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hourCycle: "h23", year: "numeric",
  month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/** "2026-12-01T19:00" as it reads on an Amsterdam clock for the instant. */
export function toLocalInput(iso) {
  if (!iso) return "";
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function offsetMinutes(utcMillis) {
  const shown = toLocalInput(new Date(utcMillis).toISOString());
  return (Date.parse(shown + ":00Z") - utcMillis) / 60000;
}

/** The ISO instant (with offset) for an Amsterdam wall-clock "YYYY-MM-DDTHH:MM". */
export function fromLocalInput(value) {
  if (!value) return null;
  const naive = Date.parse(value + ":00Z");
  if (Number.isNaN(naive)) return null;
  let guess = naive - offsetMinutes(naive) * 60000;
  guess = naive - offsetMinutes(guess) * 60000;
  return new Date(guess).toISOString();
}
