import { rangeError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { formQ, householderQR } from "./householder.js";
import { toStack, wrap } from "./stack.js";

/** Options of `linalg.qr`. */
export interface QrOptions {
  /** "reduced" (default): Q m x k, R k x n with k = min(m, n); "complete": Q m x m, R m x n; "r": R only. */
  mode?: "reduced" | "complete" | "r";
}

/** `qr`'s result: `a = Q @ R`, Q with orthonormal columns, R upper triangular. */
export interface QrResult {
  Q: NDArray;
  R: NDArray;
}

/**
 * QR decomposition, numpy's `linalg.qr`, by Householder reflections with LAPACK's sign
 * convention (so Q and R match numpy's, up to rounding). Works on stacks of matrices.
 *
 * @example
 * const { Q, R } = linalg.qr([[1, 2], [3, 4]]);
 * R; // array([[-3.16227766, -4.42718872], [ 0.        , -0.63245553]])
 * linalg.qr([[1, 2], [3, 4], [5, 6]], { mode: "complete" }).Q.shape; // [3, 3]
 */
export function qr(a: ArrayLike, options: { mode: "r" }): NDArray;
export function qr(a: ArrayLike, options?: QrOptions): QrResult;
export function qr(a: ArrayLike, options?: QrOptions): QrResult | NDArray {
  checkOptions("qr", options, ["mode"]);
  const mode = options?.mode ?? "reduced";
  if (mode !== "reduced" && mode !== "complete" && mode !== "r") {
    throw rangeError(`qr: mode must be "reduced", "complete" or "r", got ${JSON.stringify(mode)}.`);
  }
  const st = toStack("qr", a);
  const { m, n, count } = st;
  const k = Math.min(m, n);
  const qc = mode === "complete" ? m : k;
  const rr = mode === "complete" ? m : k;
  const Q = new Float64Array(count * m * qc);
  const R = new Float64Array(count * rr * n);
  const tau = new Float64Array(k);
  const work = new Float64Array(Math.max(m, n, 1));
  for (let t = 0; t < count; t++) {
    const o = t * m * n;
    householderQR(st.data, o, m, n, tau, work);
    const ro = t * rr * n;
    for (let i = 0; i < Math.min(rr, m); i++) {
      for (let j = i; j < n; j++) R[ro + i * n + j] = st.data[o + i * n + j];
    }
    if (mode !== "r") Q.set(formQ(st.data, o, m, n, tau, qc, work), t * m * qc);
  }
  const Ra = wrap(R, [...st.batch, rr, n], st.dtype);
  if (mode === "r") return Ra;
  return { Q: wrap(Q, [...st.batch, m, qc], st.dtype), R: Ra };
}
