import { toNDArray } from "../creation.js";
import { ShapeError } from "../errors.js";
import { hessenbergEigenvalues } from "../linalg/hqr.js";
import { assertFinite, viewFloat64, wrap } from "../linalg/stack.js";
import type { ArrayLike, NDArray } from "../ndarray.js";

/** Roots as real and imaginary parts (nabla has no complex dtype). */
export interface RootsResult {
  re: NDArray;
  im: NDArray;
}

/**
 * The roots of a polynomial with coefficients `p` (highest power first), numpy's `roots`: the
 * eigenvalues of the companion matrix (balanced, then Francis double-shift QR). Leading zeros
 * are dropped and trailing zeros give roots at 0 (appended last), as in numpy. Since there is no
 * complex dtype, the result is `{ re, im }`; complex roots come in conjugate pairs, positive
 * imaginary part first. The order follows the eigenvalue solver, like numpy's (not sorted).
 *
 * @example
 * roots([1, -3, 2]);  // { re: array([2., 1.]), im: array([0., 0.]) }
 * roots([1, 0, 1]);   // { re: array([0., 0.]), im: array([ 1., -1.]) }
 */
export function roots(p: ArrayLike): RootsResult {
  const P = toNDArray("roots", p);
  if (P.ndim > 1)
    throw new ShapeError(`roots: Input must be a rank-1 array, got shape [${P.shape.join(",")}].`);
  const c = viewFloat64(P.ndim === 0 ? P.reshape(1) : P);
  assertFinite("roots", Float64Array.from(c));
  let first = -1;
  let last = -1;
  for (let i = 0; i < c.length; i++) {
    if (c[i] !== 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { re: wrap(new Float64Array(0), [0]), im: wrap(new Float64Array(0), [0]) };
  const trailing = c.length - last - 1;
  const n = last - first; // degree after stripping
  const re = new Float64Array(n + trailing);
  const im = new Float64Array(n + trailing);
  if (n > 0) {
    // Companion matrix: first row -p[1:]/p[0], ones on the sub-diagonal (upper Hessenberg).
    const a = new Float64Array(n * n);
    const lead = c[first];
    for (let j = 0; j < n; j++) a[j] = -c[first + 1 + j] / lead;
    for (let i = 1; i < n; i++) a[i * n + i - 1] = 1;
    hessenbergEigenvalues(a, n, re, im);
  }
  return { re: wrap(re, [re.length]), im: wrap(im, [im.length]) };
}
