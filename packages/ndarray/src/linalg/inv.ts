import { LinAlgError } from "../errors.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { luFactor, luSolve } from "./lu.js";
import { toSquareStack, wrap } from "./stack.js";

/**
 * Inverse of a square matrix (or of each matrix in a stack), numpy's `linalg.inv`: LU with
 * partial pivoting, then the solve against the identity. A singular matrix throws
 * `LinAlgError("Singular matrix")`, as numpy does.
 *
 * @example
 * linalg.inv([[1, 2], [3, 4]]);
 * // array([[-2. ,  1. ],
 * //        [ 1.5, -0.5]])  (exactly numpy's bits: -1.9999999999999996, ...)
 */
export function inv(a: ArrayLike): NDArray {
  const s = toSquareStack("inv", a);
  const n = s.n;
  const piv = new Int32Array(n);
  const out = new Float64Array(s.count * n * n);
  for (let t = 0; t < s.count; t++) {
    const o = t * n * n;
    if (luFactor(s.data, o, n, piv) > 0) {
      throw new LinAlgError(
        "inv: Singular matrix (an exactly zero pivot in the LU factorization).",
      );
    }
    for (let i = 0; i < n; i++) out[o + i * n + i] = 1;
    luSolve(s.data, o, n, piv, out, o, n);
  }
  return wrap(out, [...s.batch, n, n], s.dtype);
}
