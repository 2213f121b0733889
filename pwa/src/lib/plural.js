// Evaluates a gettext Plural-Forms expression (C syntax: n, numbers, ?:, ||, &&, comparisons,
// + - * / %, parentheses) without eval, which the Content-Security-Policy forbids.
const TOKEN = /\s*(\d+|n|==|!=|<=|>=|&&|\|\||[?:()<>%*/+-])/y;

function tokenize(source) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (!match) {
      if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
      throw new Error("bad plural expression");
    }
    tokens.push(match[1]);
  }
  return tokens;
}

const BINARY = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];
const APPLY = {
  "||": (a, b) => (a || b ? 1 : 0), "&&": (a, b) => (a && b ? 1 : 0),
  "==": (a, b) => +(a === b), "!=": (a, b) => +(a !== b), "<": (a, b) => +(a < b),
  ">": (a, b) => +(a > b), "<=": (a, b) => +(a <= b), ">=": (a, b) => +(a >= b),
  "+": (a, b) => a + b, "-": (a, b) => a - b, "*": (a, b) => a * b,
  "/": (a, b) => Math.floor(a / b), "%": (a, b) => a % b,
};

export function compilePlural(source) {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (want) => {
    if (want && tokens[pos] !== want) throw new Error("bad plural expression");
    return tokens[pos++];
  };
  function primary() {
    const token = take();
    if (token === "(") { const inner = ternary(); take(")"); return inner; }
    if (token === "n") return (n) => n;
    if (/^\d+$/.test(token)) { const value = Number(token); return () => value; }
    throw new Error("bad plural expression");
  }
  function binary(level) {
    if (level === BINARY.length) return primary();
    let left = binary(level + 1);
    while (BINARY[level].includes(peek())) {
      const op = APPLY[take()], l = left, right = binary(level + 1);
      left = (n) => op(l(n), right(n));
    }
    return left;
  }
  function ternary() {
    const test = binary(0);
    if (peek() !== "?") return test;
    take("?");
    const yes = ternary();
    take(":");
    const no = ternary();
    return (n) => (test(n) ? yes(n) : no(n));
  }
  const expression = ternary();
  if (pos !== tokens.length) throw new Error("bad plural expression");
  return (n) => Number(expression(n));
}
