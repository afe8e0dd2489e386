// scipy's OptimizeResult printing: Python reprs for scalars, numpy's str() with
// `format_float_scientific(precision=3, pad_left=2, unique=False)` for arrays.

/** Python's repr(float): shortest round-trip digits, exponent outside [1e-4, 1e16). */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expStr] = x.toExponential().split("e");
  const exp = Number(expStr);
  if (exp < -4 || exp >= 16) {
    return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let s: string;
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1);
    s = `${intPart}.${frac === "" ? "0" : frac}`;
  } else {
    s = `0.${"0".repeat(-exp - 1)}${digits}`;
  }
  return neg ? `-${s}` : s;
}

/** numpy's `format_float_scientific(x, precision=3, pad_left=2, unique=False)`: ten characters. */
export function sci10(x: number): string {
  if (Number.isNaN(x)) return "       nan";
  if (x === Number.POSITIVE_INFINITY) return "       inf";
  if (x === Number.NEGATIVE_INFINITY) return "      -inf";
  const [mant, e] = x.toExponential(3).split("e");
  const exp = Number(e);
  const m = Object.is(x, -0) ? `-${mant}` : mant;
  return `${m.padStart(6, " ")}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

const THRESHOLD = 12;
const EDGE = 2;

function formatRow(
  values: ArrayLike<number>,
  summarize: boolean,
  lineWidth: number,
  first: string,
  indent: string,
): string {
  const n = values.length;
  const words: string[] = [];
  if (summarize && n > 2 * EDGE) {
    for (let i = 0; i < EDGE; i++) words.push(sci10(values[i]));
    words.push("...");
    for (let i = n - EDGE; i < n; i++) words.push(sci10(values[i]));
  } else {
    for (let i = 0; i < n; i++) words.push(sci10(values[i]));
  }
  // numpy's _formatArray: wrap when the next word (plus the closing bracket on the last) would overflow
  let out = "";
  let line = first;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const sep = i === 0 ? "" : " ";
    // numpy reserves one column for the closing bracket on every element, not just the last
    const needed = word.length + 1;
    if (line.length + sep.length + needed > lineWidth && i > 0) {
      out += `${line.trimEnd()}\n`;
      line = indent + word;
    } else {
      line += sep + word;
    }
  }
  return `${out}${line}]`;
}

/** numpy's str() of a 1-D or 2-D float array under scipy's print options. */
export function formatArray(
  data: ArrayLike<number>,
  shape: readonly number[],
  lineWidth: number,
): string {
  const size = shape.reduce((a, b) => a * b, 1);
  const summarize = size > THRESHOLD;
  if (shape.length === 0) return sci10(data[0]).trim();
  if (shape.length === 1) return formatRow(data, summarize, lineWidth, "[", " ");
  const [rows, cols] = shape;
  const rowIdx: (number | null)[] = [];
  if (summarize && rows > 2 * EDGE) {
    for (let i = 0; i < EDGE; i++) rowIdx.push(i);
    rowIdx.push(null);
    for (let i = rows - EDGE; i < rows; i++) rowIdx.push(i);
  } else {
    for (let i = 0; i < rows; i++) rowIdx.push(i);
  }
  const lines = rowIdx.map((r) => {
    if (r === null) return " ...";
    const row = Array.prototype.slice.call(data, r * cols, (r + 1) * cols) as number[];
    return formatRow(row, summarize, lineWidth - 1, r === 0 ? "[[" : " [", "  ");
  });
  return `${lines.join("\n")}]`;
}
