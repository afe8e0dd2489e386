import { toNDArray } from "./creation.js";
import type { ArrayLike, NDArray } from "./ndarray.js";
import { type ElementFormat, elementFormat, pythonFloat } from "./print/elements.js";
import { type PrintOptions, resolvePrintOptions } from "./print/options.js";

/** Options accepted by {@link repr} and {@link str}: any print option, for this call only. */
export type PrintCallOptions = Partial<PrintOptions>;

/** For each axis, the positions that are printed (all, or `edgeitems` from each end). */
function shownPositions(a: NDArray, summarize: boolean, edge: number): number[][] {
  return a.shape.map((n) => {
    if (!summarize || 2 * edge >= n) return Array.from({ length: n }, (_, i) => i);
    return [
      ...Array.from({ length: edge }, (_, i) => i),
      ...Array.from({ length: edge }, (_, i) => n - edge + i),
    ];
  });
}

/** numpy's `_array2string` + `_formatArray`: the bracketed body, wrapped and summarised. */
function formatBody(
  a: NDArray,
  options: PrintOptions,
  separator: string,
  hangingIndent: string,
  linewidth: number,
): string {
  if (a.size === 0) return "[]";
  const summarize = a.size > options.threshold;
  const edge = options.edgeitems;
  const positions = shownPositions(a, summarize, edge);

  // The element format is fitted to the shown elements only, as numpy does.
  const values: number[] = [];
  const gather = (axis: number, at: number): void => {
    if (axis === a.ndim) {
      values.push(a.data[at]);
      return;
    }
    for (const i of positions[axis]) gather(axis + 1, at + i * a.strides[axis]);
  };
  gather(0, a.offset);
  const format: ElementFormat = elementFormat(a.dtype, values, options, a.ndim === 0);

  const recurse = (axis: number, at: number, indent: string, width: number): string => {
    if (axis === a.ndim) return format(a.data[at]);
    const nextIndent = `${indent} `;
    const nextWidth = width - 1;
    const n = a.shape[axis];
    const stride = a.strides[axis];
    const summary = summarize && 2 * edge < n;
    const lead = summary ? edge : 0;
    const trail = summary ? edge : n;
    const item = (i: number): string => recurse(axis + 1, at + i * stride, nextIndent, nextWidth);
    let s = "";
    if (axis === a.ndim - 1) {
      const elementWidth = width - Math.max(separator.trimEnd().length, 1);
      let line = indent;
      const extend = (word: string): void => {
        if (line.length + word.length > elementWidth && line.length > indent.length) {
          s += `${line.trimEnd()}\n`;
          line = indent;
        }
        line += word;
      };
      for (let i = 0; i < lead; i++) {
        extend(item(i));
        line += separator;
      }
      if (summary) {
        extend("...");
        line += separator;
      }
      for (let i = trail; i > 1; i--) {
        extend(item(n - i));
        line += separator;
      }
      extend(item(n - 1));
      s += line;
    } else {
      const lineSeparator = separator.trimEnd() + "\n".repeat(a.ndim - axis - 1);
      for (let i = 0; i < lead; i++) s += indent + item(i) + lineSeparator;
      if (summary) s += `${indent}...${lineSeparator}`;
      for (let i = trail; i > 1; i--) s += indent + item(n - i) + lineSeparator;
      s += indent + item(n - 1);
    }
    return `[${s.slice(indent.length)}]`;
  };
  if (a.ndim === 0) return format(a.data[a.offset]);
  return recurse(0, a.offset, hangingIndent, linewidth);
}

function pythonShape(shape: readonly number[]): string {
  return `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
}

/**
 * numpy's `repr` of an array, character for character: `array([ 1.  ,  2.5 , -3.25])`. Floats
 * show at most 8 digits after the point (fewer when they are exact), switch to scientific
 * notation for very large, very small or widely spread magnitudes, lines wrap at 75 characters
 * and arrays of more than 1000 elements are summarised with `...`. Dtypes other than float64 and
 * bool are named (`dtype=int32`). `NDArray#toString()` and Node's `console.log` use it.
 * Per-call options override {@link setPrintoptions}.
 * @example
 * repr(array([1, 2.5, -3.25]));               // "array([ 1.  ,  2.5 , -3.25])"
 * repr(array([1e-5, 1]));                     // "array([1.e-05, 1.e+00])"
 * repr(array([1, 2], { dtype: "int32" }));    // "array([1, 2], dtype=int32)"
 * repr(array([Math.PI]), { precision: 3 });   // "array([3.142])"
 */
export function repr(a: ArrayLike, options?: PrintCallOptions): string {
  const x = toNDArray("repr", a);
  const o = resolvePrintOptions("repr", options);
  const prefix = "array(";
  const body = formatBody(x, o, ", ", " ".repeat(prefix.length + 1), o.linewidth - 1);
  const extras: string[] = [];
  if ((x.size === 0 && !(x.ndim === 1)) || x.size > o.threshold)
    extras.push(`shape=${pythonShape(x.shape)}`);
  if ((x.dtype !== "float64" && x.dtype !== "bool") || x.size === 0)
    extras.push(`dtype=${x.dtype}`);
  if (extras.length === 0) return `${prefix}${body})`;
  const head = `${prefix}${body},`;
  const tail = `${extras.join(", ")})`;
  const lastLine = head.length - (head.lastIndexOf("\n") + 1);
  const spacer = lastLine + tail.length + 1 > o.linewidth ? `\n${" ".repeat(prefix.length)}` : " ";
  return head + spacer + tail;
}

/**
 * numpy's `str` of an array (what Python's `print` shows): no `array(` wrapper, elements separated
 * by spaces, no dtype; a 0-d array prints as its scalar (`1.0`, `1e+16`, `True`).
 * @example
 * str(array([[0.5, 0.25], [5, 0.8775825618903728]]));
 * // "[[0.5        0.25      ]\n [5.         0.87758256]]"
 * str(array(2)); // "2.0"
 */
export function str(a: ArrayLike, options?: PrintCallOptions): string {
  const x = toNDArray("str", a);
  const o = resolvePrintOptions("str", options);
  if (x.ndim === 0) {
    const v = x.data[x.offset];
    if (x.dtype === "bool") return v ? "True" : "False";
    if (x.dtype === "int32") return String(v);
    return pythonFloat(v, x.dtype === "float32", o);
  }
  return formatBody(x, o, " ", " ", o.linewidth);
}
