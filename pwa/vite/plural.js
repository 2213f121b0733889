// Build time: a gettext Plural-Forms expression (C syntax: n, numbers, ?:, ||, &&, comparisons,
// + - * / %, parentheses) becomes the JavaScript source of a function n → form index, with C's
// meaning (integers; a comparison, && and || give 0 or 1). The app gets ready functions
// (virtual:plural-rules): nothing is parsed or evaluated at run time, which its CSP forbids.
const TOKEN = /\s*(\d+|n|==|!=|<=|>=|&&|\|\||[?:()<>%*/+-])/y;

function tokenize(source) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (!match) {
      if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
      throw new Error(`bad plural expression: ${source}`);
    }
    tokens.push(match[1]);
  }
  return tokens;
}

const BINARY = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];
const C_OPERATOR = {
  "||": (a, b) => `(${a} || ${b} ? 1 : 0)`, "&&": (a, b) => `(${a} && ${b} ? 1 : 0)`,
  "==": (a, b) => `+(${a} === ${b})`, "!=": (a, b) => `+(${a} !== ${b})`,
  "<": (a, b) => `+(${a} < ${b})`, ">": (a, b) => `+(${a} > ${b})`,
  "<=": (a, b) => `+(${a} <= ${b})`, ">=": (a, b) => `+(${a} >= ${b})`,
  "+": (a, b) => `(${a} + ${b})`, "-": (a, b) => `(${a} - ${b})`, "*": (a, b) => `(${a} * ${b})`,
  "/": (a, b) => `Math.floor(${a} / ${b})`, "%": (a, b) => `(${a} % ${b})`,
};

/** "(n) => …" for the expression; throws on anything that is not a plural expression. */
export function pluralSource(expression) {
  const tokens = tokenize(expression);
  let pos = 0;
  const bad = () => new Error(`bad plural expression: ${expression}`);
  const take = (want) => {
    if (pos >= tokens.length || (want && tokens[pos] !== want)) throw bad();
    return tokens[pos++];
  };
  function primary() {
    const token = take();
    if (token === "(") { const inner = ternary(); take(")"); return inner; }
    if (token === "n" || /^\d+$/.test(token)) return token;
    throw bad();
  }
  function binary(level) {
    if (level === BINARY.length) return primary();
    let left = binary(level + 1);
    while (BINARY[level].includes(tokens[pos])) {
      const operator = C_OPERATOR[take()];
      left = operator(left, binary(level + 1));
    }
    return left;
  }
  function ternary() {
    const test = binary(0);
    if (tokens[pos] !== "?") return test;
    take("?");
    const yes = ternary();
    take(":");
    return `(${test} ? ${yes} : ${ternary()})`;
  }
  const body = ternary();
  if (pos !== tokens.length) throw bad();
  return `(n) => Number(${body})`;
}

/** The module's source: {expression: function} for every expression given. */
export function pluralModule(expressions) {
  const rules = [...new Set(expressions)].map((e) => `  ${JSON.stringify(e)}: ${pluralSource(e)},`);
  return `export default {\n${rules.join("\n")}\n};\n`;
}
