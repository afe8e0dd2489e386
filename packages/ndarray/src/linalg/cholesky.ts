import { LinAlgError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { toSquareStack, wrap } from "./stack.js";

/** Options of `linalg.cholesky`. */
export interface CholeskyOptions {
  /** Return the upper factor U (a = U^T U) instead of the lower L (a = L L^T). Default false. */
  upper?: boolean;
}

/**
 * Cholesky factor of a symmetric positive-definite matrix, numpy's `linalg.cholesky`: lower
 * triangular L with `a = L @ L.T` (only the lower triangle of `a` is read, as numpy does).
 * Throws `LinAlgError("Matrix is not positive definite")` otherwise. Works on stacks.
 *
 * @example
 * linalg.cholesky([[4, 2], [2, 3]]); // array([[2.        , 0.        ], [1.        , 1.41421356]])
 */
export function cholesky(a: ArrayLike, options?: CholeskyOptions): NDArray {
  checkOptions("cholesky", options, ["upper"]);
  const st = toSquareStack("cholesky", a);
  const { n, count, data } = st;
  const out = new Float64Array(count * n * n);
  for (let t = 0; t < count; t++) {
    const o = t * n * n;
    for (let j = 0; j < n; j++) {
      const rj = o + j * n;
      let d = data[rj + j];
      for (let p = 0; p < j; p++) d -= out[rj + p] * out[rj + p];
      if (!(d > 0)) {
        throw new LinAlgError(
          `cholesky: Matrix is not positive definite (the leading minor of order ${j + 1} is not positive).`,
        );
      }
      const ljj = Math.sqrt(d);
      out[rj + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        const ri = o + i * n;
        let v = data[ri + j];
        for (let p = 0; p < j; p++) v -= out[ri + p] * out[rj + p];
        out[ri + j] = v / ljj;
      }
    }
  }
  if (options?.upper) {
    for (let t = 0; t < count; t++) {
      const o = t * n * n;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          out[o + i * n + j] = out[o + j * n + i];
          out[o + j * n + i] = 0;
        }
      }
    }
  }
  return wrap(out, [...st.batch, n, n], st.dtype);
}
