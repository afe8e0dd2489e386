import type { ArrayLike, NDArray } from "../ndarray.js";
import { crLog } from "./crmath.js";
import { luFactor } from "./lu.js";
import { toSquareStack, wrap } from "./stack.js";

/** Sign and log|det| of one LU-factored n x n matrix at `a[o..]` (numpy's log-sum form). */
export function luSlogdet(
  a: Float64Array,
  o: number,
  n: number,
  piv: Int32Array,
): [number, number] {
  const info = luFactor(a, o, n, piv);
  if (info > 0) return [0, Number.NEGATIVE_INFINITY];
  let sign = 1;
  let logdet = 0;
  for (let i = 0; i < n; i++) {
    if (piv[i] !== i) sign = -sign;
    const u = a[o + i * n + i];
    if (u < 0) sign = -sign;
    logdet += crLog(Math.abs(u));
  }
  return [sign, logdet];
}

/** `slogdet`'s result: the determinant is `sign * exp(logabsdet)`. */
export interface SlogdetResult<T> {
  /** +1, -1, or 0 for a singular matrix. */
  sign: T;
  /** Natural log of |det|, -Infinity for a singular matrix. */
  logabsdet: T;
}

/**
 * Sign and natural logarithm of the determinant, numpy's `linalg.slogdet`: robust where `det`
 * would overflow or underflow. JS numbers for one matrix, arrays over the batch for a stack.
 *
 * @example
 * linalg.slogdet([[1, 2], [3, 4]]); // { sign: -1, logabsdet: 0.6931471805599455 }
 */
export function slogdet(a: readonly (readonly number[])[]): SlogdetResult<number>;
export function slogdet(a: ArrayLike): SlogdetResult<number> | SlogdetResult<NDArray>;
export function slogdet(a: ArrayLike): SlogdetResult<number> | SlogdetResult<NDArray> {
  const s = toSquareStack("slogdet", a);
  const n = s.n;
  const piv = new Int32Array(n);
  const signs = new Float64Array(s.count);
  const logs = new Float64Array(s.count);
  for (let t = 0; t < s.count; t++) {
    [signs[t], logs[t]] = luSlogdet(s.data, t * n * n, n, piv);
  }
  if (s.batch.length === 0) return { sign: signs[0], logabsdet: logs[0] };
  return { sign: wrap(signs, s.batch), logabsdet: wrap(logs, s.batch) };
}
