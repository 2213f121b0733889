// The plural rules of the shipped catalogs, compiled to functions at build time
// (pwa/vite/plural.js): nothing is parsed or evaluated here (the CSP forbids eval).
import RULES from "virtual:plural-rules";

/** The rule for a catalog's Plural-Forms expression; throws for one the build did not see. */
export function compilePlural(expression) {
  if (!Object.prototype.hasOwnProperty.call(RULES, expression)) throw new Error("unknown plural expression");
  return RULES[expression];
}
