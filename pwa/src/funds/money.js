// Amounts typed by people: "240", "12,50" or "12.50" euros.

/** Euros as typed in cents; NaN when it is not an amount (the server then says what is wrong). */
export function toCents(text) {
  const typed = String(text ?? "").trim().replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(typed)) return NaN;
  return Math.round(Number(typed) * 100);
}
