import { LinAlgError } from "../errors.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { svdKernel } from "./jacobiSvd.js";
import { luFactor, luSolve } from "./lu.js";
import { matrixNormOf, type NormOrder } from "./norm.js";
import { toSquareStack, toStack, wrap } from "./stack.js";

/**
 * Condition number of a matrix, numpy's `linalg.cond`: `s_max / s_min` by default (or for
 * p = 2; p = -2 gives the inverse), else `norm(a, p) * norm(inv(a), p)` for p in "fro", "nuc",
 * ±1, ±Infinity. A singular matrix gives Infinity (numpy's result, without the warning).
 * A JS number for one matrix, an array for a stack.
 *
 * @example
 * linalg.cond([[1, 0], [0, 2]]);    // 2
 * linalg.cond([[1, 1], [1, 1]]);    // Infinity, as numpy
 */
export function cond(a: readonly (readonly number[])[], p?: NormOrder | null): number;
export function cond(a: ArrayLike, p?: NormOrder | null): number | NDArray;
export function cond(a: ArrayLike, p?: NormOrder | null): number | NDArray {
  const svdPath = p === undefined || p === null || p === 2 || p === -2;
  const st = svdPath ? toStack("cond", a) : toSquareStack("cond", a);
  const { m, n, count, data } = st;
  if (m === 0 || n === 0) throw new LinAlgError("cond: cond is not defined on empty arrays.");
  const out = new Float64Array(count);
  const piv = new Int32Array(n);
  for (let t = 0; t < count; t++) {
    const o = t * m * n;
    let hasNaN = false;
    for (let i = 0; i < m * n; i++) if (Number.isNaN(data[o + i])) hasNaN = true;
    let r: number;
    if (hasNaN) r = Number.NaN;
    else if (svdPath) {
      const { s } = svdKernel(data, o, m, n, false, false);
      r = p === -2 ? s[s.length - 1] / s[0] : s[0] / s[s.length - 1];
    } else {
      const ord = p as NormOrder;
      const norm = matrixNormOf(data, o, n, n, ord);
      const lu = data.slice(o, o + n * n);
      if (luFactor(lu, 0, n, piv) > 0) r = Number.POSITIVE_INFINITY;
      else {
        const inverse = new Float64Array(n * n);
        for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
        luSolve(lu, 0, n, piv, inverse, 0, n);
        r = norm * matrixNormOf(inverse, 0, n, n, ord);
      }
    }
    out[t] = Number.isNaN(r) && !hasNaN ? Number.POSITIVE_INFINITY : r;
  }
  return st.batch.length === 0 ? out[0] : wrap(out, st.batch);
}
