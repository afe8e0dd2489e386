import type { ArrayLike, NDArray } from "../ndarray.js";
import { crExp } from "./crmath.js";
import { luSlogdet } from "./slogdet.js";
import { toSquareStack, wrap } from "./stack.js";

/**
 * Determinant, numpy's `linalg.det`: LU with partial pivoting, then `sign * exp(sum log|u_ii|)`
 * exactly as numpy computes it (so `det([[1, 2], [3, 4]])` is `-2.0000000000000004`, as in
 * numpy). A JS number for one matrix, an array over the leading axes for a stack. A singular
 * matrix gives 0.
 *
 * @example
 * linalg.det([[1, 2], [3, 4]]);          // -2.0000000000000004
 * linalg.det(array([[[2, 0], [0, 3]], [[1, 0], [0, 1]]])); // array([6., 1.])
 */
export function det(a: readonly (readonly number[])[]): number;
export function det(a: ArrayLike): number | NDArray;
export function det(a: ArrayLike): number | NDArray {
  const s = toSquareStack("det", a);
  const n = s.n;
  const piv = new Int32Array(n);
  const out = new Float64Array(s.count);
  for (let t = 0; t < s.count; t++) {
    const [sign, logdet] = luSlogdet(s.data, t * n * n, n, piv);
    out[t] = sign * crExp(logdet);
  }
  return s.batch.length === 0 ? out[0] : wrap(out, s.batch);
}
