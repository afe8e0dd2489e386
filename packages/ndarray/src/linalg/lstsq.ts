import { toNDArray } from "../creation.js";
import { LinAlgError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { svdKernel } from "./jacobiSvd.js";
import { assertFinite, copyFloat64, wrap } from "./stack.js";

const EPS = 2.220446049250313e-16;

/** Options of `linalg.lstsq`. */
export interface LstsqOptions {
  /** Singular values below `rcond * max(s)` count as zero. Default `eps * max(m, n)` (numpy 2). */
  rcond?: number;
}

/** `lstsq`'s result, numpy's tuple `(x, residuals, rank, s)` as named fields. */
export interface LstsqResult {
  /** Least-squares (minimum-norm) solution, shape (n,) or (n, k). */
  x: NDArray;
  /** Squared 2-norm of each residual column, shape (k,) ((1,) for 1-D b); empty when rank < n or m <= n. */
  residuals: NDArray;
  /** Effective rank of `a`. */
  rank: number;
  /** Singular values of `a`, descending. */
  s: NDArray;
}

/**
 * Solves `a @ x ≈ b` in the least-squares sense, numpy's `linalg.lstsq`: through the SVD of `a`,
 * treating singular values below `rcond * max(s)` as zero, so rank-deficient systems get the
 * minimum-norm solution.
 *
 * @example
 * const { x, residuals, rank } = linalg.lstsq([[0, 1], [1, 1], [2, 1], [3, 1]], [-1, 0.2, 0.9, 2.1]);
 * x;        // array([ 1.  , -0.95])
 * rank;     // 2
 */
export function lstsq(a: ArrayLike, b: ArrayLike, options?: LstsqOptions): LstsqResult {
  checkOptions("lstsq", options, ["rcond"]);
  const A = toNDArray("lstsq", a);
  const B = toNDArray("lstsq", b);
  if (A.ndim !== 2) {
    throw new LinAlgError(
      `lstsq: ${A.ndim}-dimensional array given. Array must be two-dimensional.`,
    );
  }
  const vector = B.ndim === 1;
  if (B.ndim !== 1 && B.ndim !== 2) {
    throw new LinAlgError(
      `lstsq: ${B.ndim}-dimensional array given. Array must be two-dimensional.`,
    );
  }
  const [m, n] = A.shape;
  if (B.shape[0] !== m) {
    throw new LinAlgError(
      `lstsq: Incompatible dimensions: a has ${m} rows but b has ${B.shape[0]}.`,
    );
  }
  const k = vector ? 1 : B.shape[1];
  const dtype = A.dtype === "float32" && B.dtype === "float32" ? "float32" : "float64";
  const rcond = options?.rcond ?? EPS * Math.max(m, n);
  const ad = copyFloat64(A);
  const bd = copyFloat64(B);
  assertFinite("lstsq", ad);
  const r = solveLeastSquares(ad, m, n, bd, k, rcond);
  const resid = r.rank === n && m > n ? residualNorms(ad, m, n, bd, k, r.x) : new Float64Array(0);
  return {
    x: wrap(r.x, vector ? [n] : [n, k], dtype),
    residuals: wrap(resid, [resid.length], dtype),
    rank: r.rank,
    s: wrap(r.s, [r.s.length], dtype),
  };
}

/** Minimum-norm least-squares solution of A X = B (row-major, B m x k) through the SVD of A. */
export function solveLeastSquares(
  a: Float64Array,
  m: number,
  n: number,
  b: Float64Array,
  k: number,
  rcond: number,
): { x: Float64Array; rank: number; s: Float64Array } {
  const x = new Float64Array(n * k);
  if (m === 0 || n === 0) return { x, rank: 0, s: new Float64Array(0) };
  const { u, s, vt } = svdKernel(a, 0, m, n, true, false);
  const r = s.length;
  const cut = rcond * s[0];
  let rank = 0;
  for (let i = 0; i < r; i++) if (s[i] > cut) rank++;
  // x = V diag(1/s) U^T b over the kept singular values.
  const uu = u as Float64Array;
  const vv = vt as Float64Array;
  const c = new Float64Array(k);
  for (let i = 0; i < rank; i++) {
    c.fill(0);
    for (let row = 0; row < m; row++) {
      const uri = uu[row * r + i];
      for (let j = 0; j < k; j++) c[j] += uri * b[row * k + j];
    }
    for (let j = 0; j < k; j++) c[j] /= s[i];
    for (let p = 0; p < n; p++) {
      const vip = vv[i * n + p];
      for (let j = 0; j < k; j++) x[p * k + j] += vip * c[j];
    }
  }
  return { x, rank, s };
}

/** Squared 2-norm of each column of B - A X. */
export function residualNorms(
  a: Float64Array,
  m: number,
  n: number,
  b: Float64Array,
  k: number,
  x: Float64Array,
): Float64Array {
  const out = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < k; j++) {
      let r = b[i * k + j];
      for (let p = 0; p < n; p++) r -= a[i * n + p] * x[p * k + j];
      out[j] += r * r;
    }
  }
  return out;
}
