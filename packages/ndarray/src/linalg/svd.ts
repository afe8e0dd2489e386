import { checkOptions } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { svdKernel } from "./jacobiSvd.js";
import { assertFinite, toStack, wrap } from "./stack.js";

/** Options of `linalg.svd`. */
export interface SvdOptions {
  /** U is m x m and Vh n x n (default true, as numpy); false gives the reduced k = min(m, n) shapes. */
  fullMatrices?: boolean;
  /** Also compute U and Vh (default true); false returns only the singular values. */
  computeUv?: boolean;
}

/** `svd`'s result: `a = U @ diag(S) @ Vh`. */
export interface SvdResult {
  U: NDArray;
  /** Singular values, descending. */
  S: NDArray;
  Vh: NDArray;
}

/**
 * Singular value decomposition, numpy's `linalg.svd`: `a = U @ diag(S) @ Vh` with S descending,
 * for one matrix or a stack, by Householder QR then one-sided Jacobi rotations. The tests hold
 * `S` to numpy's within 1e-13 relative and `U @ diag(S) @ Vh` to `a` within 1e-14
 * (test/linalg.test.ts); singular vectors may differ from LAPACK's by sign.
 *
 * @example
 * const { U, S, Vh } = linalg.svd([[3, 0], [4, 5]]);
 * S; // array([6.70820393, 2.23606798])
 * linalg.svd([[3, 0], [4, 5]], { computeUv: false }); // array([6.70820393, 2.23606798])
 */
export function svd(a: ArrayLike, options: SvdOptions & { computeUv: false }): NDArray;
export function svd(a: ArrayLike, options?: SvdOptions): SvdResult;
export function svd(a: ArrayLike, options?: SvdOptions): SvdResult | NDArray {
  checkOptions("svd", options, ["fullMatrices", "computeUv"]);
  const full = options?.fullMatrices ?? true;
  const uv = options?.computeUv ?? true;
  const st = toStack("svd", a);
  assertFinite("svd", st.data);
  const { m, n, count } = st;
  const k = Math.min(m, n);
  const ur = full ? m : k;
  const vr = full ? n : k;
  const S = new Float64Array(count * k);
  const U = uv ? new Float64Array(count * m * ur) : undefined;
  const V = uv ? new Float64Array(count * vr * n) : undefined;
  for (let t = 0; t < count; t++) {
    const f = svdKernel(st.data, t * m * n, m, n, uv, full);
    S.set(f.s, t * k);
    if (U && f.u) U.set(f.u, t * m * ur);
    if (V && f.vt) V.set(f.vt, t * vr * n);
  }
  const Sa = wrap(S, [...st.batch, k], st.dtype);
  if (!uv || !U || !V) return Sa;
  return {
    U: wrap(U, [...st.batch, m, ur], st.dtype),
    S: Sa,
    Vh: wrap(V, [...st.batch, vr, n], st.dtype),
  };
}
