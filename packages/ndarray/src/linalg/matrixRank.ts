import { toNDArray } from "../creation.js";
import { checkOptions } from "../internal/shape.js";
import { type ArrayLike, NDArray } from "../ndarray.js";
import { svdKernel } from "./jacobiSvd.js";
import { assertFinite, toStack } from "./stack.js";

const EPS = 2.220446049250313e-16;

/** Options of `linalg.matrixRank`. */
export interface MatrixRankOptions {
  /** Absolute threshold: singular values above it count. Default `max(s) * max(m, n) * eps`. */
  tol?: number;
  /** Relative threshold (times max(s)), used when `tol` is not given. */
  rtol?: number;
}

/**
 * Rank of a matrix by counting singular values above a tolerance, numpy's
 * `linalg.matrix_rank`. A JS number for one matrix (or a 0-d/1-d input: 1 unless all zero),
 * an array over the batch for a stack.
 *
 * @example
 * linalg.matrixRank([[1, 2], [2, 4]]); // 1
 * linalg.matrixRank(eye(4));           // 4
 */
export function matrixRank(a: readonly (readonly number[])[], options?: MatrixRankOptions): number;
export function matrixRank(a: ArrayLike, options?: MatrixRankOptions): number | NDArray;
export function matrixRank(a: ArrayLike, options?: MatrixRankOptions): number | NDArray {
  checkOptions("matrixRank", options, ["tol", "rtol"]);
  const x = toNDArray("matrixRank", a);
  if (x.ndim < 2) {
    const d = x.toTypedArray();
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) return 1;
    return 0;
  }
  const st = toStack("matrixRank", x);
  assertFinite("matrixRank", st.data);
  const { m, n, count } = st;
  const out = new Int32Array(count);
  for (let t = 0; t < count; t++) {
    const { s } = svdKernel(st.data, t * m * n, m, n, false, false);
    const smax = s.length > 0 ? s[0] : 0;
    const tol = options?.tol ?? smax * (options?.rtol ?? Math.max(m, n) * EPS);
    let r = 0;
    for (let i = 0; i < s.length; i++) if (s[i] > tol) r++;
    out[t] = r;
  }
  return st.batch.length === 0 ? out[0] : new NDArray(out, st.batch);
}
