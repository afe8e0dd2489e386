import { toNDArray } from "./creation.js";
import { allocate } from "./dtype.js";
import { rangeError, typeError } from "./errors.js";
import { checkOptions, normalizeAxis } from "./internal/shape.js";
import { type ArrayLike, NDArray } from "./ndarray.js";
import { sum } from "./reduce.js";

function checkK(fn: string, k: unknown): number {
  if (typeof k !== "number" || !Number.isInteger(k))
    throw typeError(`${fn}: k must be an integer, got ${String(k)}.`);
  return k;
}

/**
 * numpy's `diag`: a 1-D `v` gives a square matrix with `v` on diagonal `k` (k > 0 above the main
 * diagonal, k < 0 below); a 2-D `v` gives a copy of its k-th diagonal (empty when `k` is beyond
 * the matrix). `k` may be passed positionally or as `{ k }`.
 * @example
 * diag([1, 2]);                      // array([[1., 0.], [0., 2.]])
 * diag([1, 2], -1);                  // array([[0., 0., 0.], [1., 0., 0.], [0., 2., 0.]])
 * diag([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { k: 1 }); // array([2., 6.])
 */
export function diag(v: ArrayLike, k: number | { k?: number } = 0): NDArray {
  let offset: number;
  if (typeof k === "object" && k !== null) {
    checkOptions("diag", k, ["k"]);
    offset = checkK("diag", k.k ?? 0);
  } else offset = checkK("diag", k);
  const x = toNDArray("diag", v);
  if (x.ndim === 1) {
    const n = x.shape[0];
    const m = n + Math.abs(offset);
    const out = allocate(x.dtype, m * m);
    const start = offset >= 0 ? offset : -offset * m;
    for (let i = 0; i < n; i++) out[start + i * (m + 1)] = x.data[x.offset + i * x.strides[0]];
    return new NDArray(out, [m, m]);
  }
  if (x.ndim === 2) return diagonal(x, { offset }).copy();
  throw rangeError(
    `diag: Input must be 1- or 2-d, got an array of shape [${x.shape.join(",")}] (${x.ndim}-d).`,
  );
}

/** Options of `diagonal` and `trace`. */
export interface DiagonalOptions {
  /** Which diagonal: 0 the main one, > 0 above, < 0 below (default 0). */
  offset?: number;
  /** First axis of the 2-D sub-arrays (default 0). */
  axis1?: number;
  /** Second axis of the 2-D sub-arrays (default 1). */
  axis2?: number;
}

/**
 * The `offset` diagonal of the 2-D sub-arrays over `axis1`, `axis2`, as a view (numpy's
 * `diagonal`): those two axes are removed and the diagonal becomes the last axis.
 * @example
 * diagonal([[1, 2], [3, 4]]);                  // array([1., 4.])
 * diagonal([[1, 2], [3, 4]], { offset: 1 });   // array([2.])
 */
export function diagonal(a: ArrayLike, options?: DiagonalOptions): NDArray {
  checkOptions("diagonal", options, ["offset", "axis1", "axis2"]);
  const x = toNDArray("diagonal", a);
  if (x.ndim < 2)
    throw rangeError(`diagonal: requires an array of at least two dimensions, got ${x.ndim}.`);
  const offset = checkK("diagonal", options?.offset ?? 0);
  const ax1 = normalizeAxis("diagonal", options?.axis1 ?? 0, x.ndim);
  const ax2 = normalizeAxis("diagonal", options?.axis2 ?? 1, x.ndim);
  if (ax1 === ax2) throw rangeError("diagonal: axis1 and axis2 cannot be the same.");
  const n1 = x.shape[ax1];
  const n2 = x.shape[ax2];
  const len = Math.max(0, offset >= 0 ? Math.min(n1, n2 - offset) : Math.min(n1 + offset, n2));
  let start = x.offset;
  if (len > 0) start += offset >= 0 ? offset * x.strides[ax2] : -offset * x.strides[ax1];
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < x.ndim; i++) {
    if (i === ax1 || i === ax2) continue;
    shape.push(x.shape[i]);
    strides.push(x.strides[i]);
  }
  shape.push(len);
  strides.push(x.strides[ax1] + x.strides[ax2]);
  return new NDArray(x.data, shape, strides, start);
}

/**
 * Sum along a diagonal: a number for a 2-D input, an array of sums for stacks (numpy's `trace`).
 * @example
 * trace([[1, 2], [3, 4]]);                // 5
 * trace([[1, 2], [3, 4]], { offset: 1 }); // 2
 */
export function trace(a: readonly (readonly number[])[], options?: DiagonalOptions): number;
export function trace(a: ArrayLike, options?: DiagonalOptions): number | NDArray;
export function trace(a: ArrayLike, options?: DiagonalOptions): number | NDArray {
  const d = diagonal(a, options);
  return d.ndim === 1 ? sum(d) : sum(d, { axis: -1 });
}
