import { toNDArray } from "../creation.js";
import { rangeError } from "../errors.js";
import { checkOptions, normalizeAxis, sizeOf } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { svdKernel } from "./jacobiSvd.js";
import { viewFloat64, wrap } from "./stack.js";

/** A norm order: a number (including ±Infinity), or "fro" / "nuc" for matrices. */
export type NormOrder = number | "fro" | "nuc";

/** Options of `linalg.norm`: numpy's `ord`, `axis` and `keepdims`. */
export interface NormOptions {
  /** Order of the norm (numpy's `ord`); default: 2-norm for vectors, Frobenius for matrices. */
  ord?: NormOrder | null;
  /** One axis (vector norms), two axes (matrix norms), or all elements (default). */
  axis?: number | readonly [number, number] | null;
  /** Keep the reduced axes as length 1. */
  keepdims?: boolean;
}

/**
 * Vector or matrix norm, numpy's `linalg.norm`. Without `axis`, a 1-D input gets a vector norm,
 * a 2-D input a matrix norm, and with no `ord` any input the 2-norm of all its elements.
 * Vector orders: Infinity (max |x|), -Infinity (min |x|), 0 (count of nonzeros), 1, 2, and any
 * p (`sum(|x|^p)^(1/p)`). Matrix orders: "fro", "nuc" (sum of singular values), Infinity /
 * -Infinity (max / min row sum), 1 / -1 (max / min column sum), 2 / -2 (largest / smallest
 * singular value). A JS number when the result is a scalar, else an NDArray.
 *
 * @example
 * linalg.norm([3, 4]);                           // 5
 * linalg.norm([[1, 2], [3, 4]], { ord: "fro" }); // 5.477225575051661
 * linalg.norm([[1, 2], [3, 4]], { ord: Infinity }); // 7
 * linalg.norm([[1, 2], [3, 4]], { axis: 1 });    // array([2.23606798, 5.        ])
 */
export function norm(x: ArrayLike, options?: NormOptions): number | NDArray {
  checkOptions("norm", options, ["ord", "axis", "keepdims"]);
  const a = toNDArray("norm", x);
  const ord = options?.ord ?? null;
  const keepdims = options?.keepdims ?? false;
  let axis = options?.axis ?? null;
  const nd = a.ndim;
  if (axis === null) {
    if (ord === null || (ord === 2 && nd === 1) || (ord === "fro" && nd === 2)) {
      const d = viewFloat64(a);
      let s = 0;
      for (let i = 0; i < d.length; i++) s += d[i] * d[i];
      const v = Math.sqrt(s);
      return keepdims
        ? wrap(
            new Float64Array([v]),
            a.shape.map(() => 1),
          )
        : v;
    }
    if (nd === 1) axis = 0;
    else if (nd === 2) axis = [0, 1];
    else
      throw rangeError(
        `norm: Improper number of dimensions to norm: an order needs a 1-D or 2-D input (or axis), got ${nd} dimensions.`,
      );
  }
  if (typeof axis === "number")
    return vectorNorm(a, normalizeAxis("norm", axis, nd), ord, keepdims);
  if (!Array.isArray(axis) || axis.length !== 2) {
    throw rangeError(
      "norm: Improper number of dimensions to norm: axis must be a number or a pair of numbers.",
    );
  }
  const r = normalizeAxis("norm", axis[0], nd);
  const c = normalizeAxis("norm", axis[1], nd);
  if (r === c) throw rangeError(`norm: Duplicate axes given: [${axis[0]}, ${axis[1]}].`);
  return matrixNorm(a, r, c, ord ?? "fro", keepdims);
}

function vectorNorm(
  a: NDArray,
  axis: number,
  ord: NormOrder | null,
  keepdims: boolean,
): number | NDArray {
  if (typeof ord === "string") throw rangeError(`norm: Invalid norm order '${ord}' for vectors.`);
  const len = a.shape[axis];
  const d = viewFloat64(a.moveaxis(axis, -1));
  const rows = len === 0 ? a.size : d.length / len;
  const count = len === 0 ? sizeOf(a.shape.filter((_, i) => i !== axis)) : rows;
  const out = new Float64Array(count);
  const p = ord ?? 2;
  for (let r = 0; r < count; r++) {
    const o = r * len;
    let v = 0;
    if (p === Number.POSITIVE_INFINITY) {
      v = len === 0 ? Number.NaN : 0;
      for (let i = 0; i < len; i++) v = Math.max(v, Math.abs(d[o + i]));
    } else if (p === Number.NEGATIVE_INFINITY) {
      v = len === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
      for (let i = 0; i < len; i++) v = Math.min(v, Math.abs(d[o + i]));
    } else if (p === 0) {
      for (let i = 0; i < len; i++) if (d[o + i] !== 0) v++;
    } else if (p === 1) {
      for (let i = 0; i < len; i++) v += Math.abs(d[o + i]);
    } else if (p === 2) {
      for (let i = 0; i < len; i++) v += d[o + i] * d[o + i];
      v = Math.sqrt(v);
    } else {
      for (let i = 0; i < len; i++) v += Math.abs(d[o + i]) ** p;
      v = v ** (1 / p);
    }
    out[r] = v;
  }
  const shape = keepdims
    ? a.shape.map((n, i) => (i === axis ? 1 : n))
    : a.shape.filter((_, i) => i !== axis);
  return shape.length === 0 ? out[0] : wrap(out, shape);
}

function matrixNorm(
  a: NDArray,
  r: number,
  c: number,
  ord: NormOrder,
  keepdims: boolean,
): number | NDArray {
  const rest = a.shape.map((_, i) => i).filter((i) => i !== r && i !== c);
  const m = a.shape[r];
  const n = a.shape[c];
  const d = viewFloat64(a.transpose([...rest, r, c]));
  const count = rest.reduce((p, i) => p * a.shape[i], 1);
  const out = new Float64Array(count);
  for (let t = 0; t < count; t++) out[t] = matrixNormOf(d, t * m * n, m, n, ord);
  const shape = keepdims
    ? a.shape.map((q, i) => (i === r || i === c ? 1 : q))
    : rest.map((i) => a.shape[i]);
  return shape.length === 0 ? out[0] : wrap(out, shape);
}

/** One matrix norm of the row-major m x n matrix at `d[o..]`. */
export function matrixNormOf(
  d: Float64Array,
  o: number,
  m: number,
  n: number,
  ord: NormOrder,
): number {
  if (ord === "fro") {
    let s = 0;
    for (let i = 0; i < m * n; i++) s += d[o + i] * d[o + i];
    return Math.sqrt(s);
  }
  if (ord === "nuc" || ord === 2 || ord === -2) {
    const { s } = svdKernel(d, o, m, n, false, false);
    if (ord === 2) return s[0];
    if (ord === -2) return s[s.length - 1];
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += s[i];
    return sum;
  }
  if (ord === Number.POSITIVE_INFINITY || ord === Number.NEGATIVE_INFINITY) {
    let best = ord;
    best = ord > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.abs(d[o + i * n + j]);
      best = ord > 0 ? Math.max(best, s) : Math.min(best, s);
    }
    return best;
  }
  if (ord === 1 || ord === -1) {
    let best = ord > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += Math.abs(d[o + i * n + j]);
      best = ord > 0 ? Math.max(best, s) : Math.min(best, s);
    }
    return best;
  }
  throw rangeError(
    `norm: Invalid norm order ${JSON.stringify(ord)} for matrices; use "fro", "nuc", ±1, ±2 or ±Infinity.`,
  );
}
