import type { ArrayLike, NDArray } from "../ndarray.js";
import { hessenbergEigenvalues } from "./hqr.js";
import { assertFinite, toSquareStack, wrap } from "./stack.js";

/** Eigenvalues as real and imaginary parts (nabla has no complex dtype). */
export interface EigvalsResult {
  re: NDArray;
  im: NDArray;
}

/**
 * Eigenvalues of a general real square matrix (or a stack), numpy's `linalg.eigvals`: Householder
 * reduction to Hessenberg form, balancing, then the Francis double-shift QR iteration. There is
 * no complex dtype, so the result is `{ re, im }`; complex eigenvalues come in conjugate pairs,
 * positive imaginary part first. The order is the solver's (like numpy, not sorted); for a
 * symmetric matrix prefer {@link eigvalsh}.
 *
 * @example
 * linalg.eigvals([[0, -1], [1, 0]]); // { re: array([0., 0.]), im: array([ 1., -1.]) }
 * linalg.eigvals([[2, 1], [0, 3]]);  // { re: array([2., 3.]), im: array([0., 0.]) } (some order)
 */
export function eigvals(a: ArrayLike): EigvalsResult {
  const st = toSquareStack("eigvals", a);
  assertFinite("eigvals", st.data);
  const { n, count } = st;
  const re = new Float64Array(count * n);
  const im = new Float64Array(count * n);
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  for (let t = 0; t < count; t++) {
    const h = st.data.subarray(t * n * n, (t + 1) * n * n);
    hessenberg(h, n);
    hessenbergEigenvalues(h, n, wr, wi);
    re.set(wr, t * n);
    im.set(wi, t * n);
  }
  return { re: wrap(re, [...st.batch, n], st.dtype), im: wrap(im, [...st.batch, n], st.dtype) };
}

/** Householder reduction to upper Hessenberg form in place (EISPACK orthes), zeros below. */
function hessenberg(H: Float64Array, n: number): void {
  const high = n - 1;
  const ort = new Float64Array(n);
  for (let m = 1; m <= high - 1; m++) {
    let scale = 0;
    for (let i = m; i <= high; i++) scale += Math.abs(H[i * n + m - 1]);
    if (scale === 0) continue;
    let h = 0;
    for (let i = high; i >= m; i--) {
      ort[i] = H[i * n + m - 1] / scale;
      h += ort[i] * ort[i];
    }
    let g = Math.sqrt(h);
    if (ort[m] > 0) g = -g;
    h -= ort[m] * g;
    ort[m] -= g;
    for (let j = m; j < n; j++) {
      let f = 0;
      for (let i = high; i >= m; i--) f += ort[i] * H[i * n + j];
      f /= h;
      for (let i = m; i <= high; i++) H[i * n + j] -= f * ort[i];
    }
    for (let i = 0; i <= high; i++) {
      let f = 0;
      for (let j = high; j >= m; j--) f += ort[j] * H[i * n + j];
      f /= h;
      for (let j = m; j <= high; j++) H[i * n + j] -= f * ort[j];
    }
    ort[m] *= scale;
    H[m * n + m - 1] = scale * g;
  }
  for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) H[i * n + j] = 0;
}
