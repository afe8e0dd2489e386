import { toNDArray } from "../creation.js";
import { rangeError, typeError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";
import { norm2, reflector } from "../linalg/householder.js";
import { svdKernel } from "../linalg/jacobiSvd.js";
import { luFactor, luSolve } from "../linalg/lu.js";
import { viewFloat64, wrap } from "../linalg/stack.js";
import type { ArrayLike, NDArray } from "../ndarray.js";

const EPS = 2.220446049250313e-16;
/** Rows of the scaled Vandermonde matrix folded into the running triangular factor at once. */
const CHUNK = 256;

/** Options of `polyfit`: numpy's keyword arguments, camelCased. */
export interface PolyfitOptions {
  /** Relative cutoff for small singular values; default `len(x) * eps`. */
  rcond?: number;
  /** Return `{ coef, residuals, rank, singularValues, rcond }` (numpy's `full=True`). */
  full?: boolean;
  /** Weights multiplying each residual (use 1/sigma, not 1/sigma^2), as numpy's `w`. */
  w?: ArrayLike;
  /** Also return the covariance of the coefficients: true (scaled by the residual variance) or "unscaled". */
  cov?: boolean | "unscaled";
}

/** `polyfit` with `full: true`: numpy's `(c, residuals, rank, singular_values, rcond)`. */
export interface PolyfitFullResult {
  coef: NDArray;
  /** Sum of squared (weighted) residuals per column of y; empty when rank < deg + 1 or len(x) <= deg + 1. */
  residuals: NDArray;
  rank: number;
  /** Singular values of the column-scaled Vandermonde matrix. */
  singularValues: NDArray;
  rcond: number;
}

/** `polyfit` with `cov`: coefficients and their covariance matrix ((deg+1)^2, or (deg+1, deg+1, K) for 2-D y). */
export interface PolyfitCovResult {
  coef: NDArray;
  cov: NDArray;
}

/**
 * Least-squares polynomial fit, numpy's `polyfit`: coefficients highest power first, shape
 * (deg+1,) or (deg+1, K) for a 2-D `y` (one fit per column).
 *
 * Same algorithm as numpy — Vandermonde matrix, optional row weights, each column scaled to unit
 * 2-norm, SVD least squares with singular values below `rcond * s_max` dropped, then unscaled —
 * but the SVD of the tall M x (deg+1) matrix is computed through its triangular factor: the
 * scaled rows (with y appended as extra columns) are folded, a chunk at a time, into a
 * Householder QR, and the small (deg+1) x (deg+1) factor R is decomposed instead. Orthogonal
 * transformations leave the singular values and the solution unchanged (up to rounding), the
 * residuals come from the same factorization, and the Vandermonde matrix is never stored.
 * A rank-deficient fit is returned as numpy does (without its RankWarning; check `rank` with
 * `full: true`).
 *
 * @example
 * const x = [0, 1, 2, 3, 4, 5];
 * const y = [0, 0.8, 0.9, 0.1, -0.8, -1];
 * polyfit(x, y, 3); // array([ 0.08703704, -0.81349206,  1.69312169, -0.03968254])
 * const { coef, residuals, rank, singularValues } = polyfit(x, y, 3, { full: true });
 * const { cov } = polyfit(x, y, 2, { cov: true }); // 3 x 3 covariance of the coefficients
 */
export function polyfit(
  x: ArrayLike,
  y: ArrayLike,
  deg: number,
  options: PolyfitOptions & { full: true },
): PolyfitFullResult;
export function polyfit(
  x: ArrayLike,
  y: ArrayLike,
  deg: number,
  options: PolyfitOptions & { cov: true | "unscaled" },
): PolyfitCovResult;
export function polyfit(x: ArrayLike, y: ArrayLike, deg: number, options?: PolyfitOptions): NDArray;
export function polyfit(
  x: ArrayLike,
  y: ArrayLike,
  deg: number,
  options?: PolyfitOptions,
): NDArray | PolyfitFullResult | PolyfitCovResult {
  checkOptions("polyfit", options, ["rcond", "full", "w", "cov"]);
  const X = toNDArray("polyfit", x);
  const Y = toNDArray("polyfit", y);
  if (!Number.isInteger(deg) || deg < 0)
    throw rangeError(`polyfit: expected deg >= 0 (an integer), got ${deg}.`);
  if (X.ndim !== 1)
    throw typeError(`polyfit: expected 1D vector for x, got shape [${X.shape.join(",")}].`);
  if (X.size === 0) throw typeError("polyfit: expected non-empty vector for x.");
  if (Y.ndim < 1 || Y.ndim > 2)
    throw typeError(`polyfit: expected 1D or 2D array for y, got ${Y.ndim} dimensions.`);
  if (X.shape[0] !== Y.shape[0]) {
    throw typeError(
      `polyfit: expected x and y to have same length, got ${X.shape[0]} and ${Y.shape[0]}.`,
    );
  }
  const M = X.shape[0];
  const order = deg + 1;
  const K = Y.ndim === 1 ? 1 : Y.shape[1];
  const rcond = options?.rcond ?? M * EPS;
  const xd = viewFloat64(X);
  const yd = viewFloat64(Y);
  let wd: Float64Array | undefined;
  if (options?.w !== undefined) {
    const W = toNDArray("polyfit", options.w);
    if (W.ndim !== 1)
      throw typeError(`polyfit: expected a 1-d array for weights, got ${W.ndim} dimensions.`);
    if (W.shape[0] !== M)
      throw typeError(
        `polyfit: expected w and y to have the same length, got ${W.shape[0]} and ${M}.`,
      );
    wd = viewFloat64(W);
  }

  // Pass 1: column norms of the weighted Vandermonde matrix (numpy sums rows in order).
  const scale = new Float64Array(order);
  const row = new Float64Array(order);
  for (let i = 0; i < M; i++) {
    vanderRow(xd[i], wd ? wd[i] : 1, wd !== undefined, row, order);
    for (let j = 0; j < order; j++) scale[j] += row[j] * row[j];
  }
  for (let j = 0; j < order; j++) scale[j] = Math.sqrt(scale[j]);

  // Pass 2: fold the scaled rows [A_s | y_w], a chunk at a time, into the triangular factor R of
  // a running QR. The block is column-major (each column contiguous): rows 0..c-1 hold R, the
  // rows below hold the new chunk, so every Householder step is a long contiguous loop.
  const c = order + K;
  const ld = c + CHUNK;
  const block = new Float64Array(ld * c);
  for (let i0 = 0; i0 < M; i0 += CHUNK) {
    const rows = Math.min(CHUNK, M - i0);
    for (let r = 0; r < rows; r++) {
      const i = i0 + r;
      const wi = wd ? wd[i] : 1;
      vanderRow(xd[i], wi, wd !== undefined, row, order);
      for (let j = 0; j < order; j++) block[j * ld + c + r] = row[j] / scale[j];
      for (let j = 0; j < K; j++)
        block[(order + j) * ld + c + r] = wd ? yd[i * K + j] * wi : yd[i * K + j];
    }
    foldRows(block, ld, c, rows);
  }
  // R = [R11 R12; 0 R22]: R11 is the factor of A_s, R12 = Q^T y, R22^T R22 = residual Gram matrix.
  const r11 = new Float64Array(order * order);
  const r12 = new Float64Array(order * K);
  for (let i = 0; i < order; i++) {
    for (let j = 0; j < order; j++) r11[i * order + j] = block[j * ld + i];
    for (let j = 0; j < K; j++) r12[i * K + j] = block[(order + j) * ld + i];
  }
  const resid = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    for (let i = order; i <= order + j; i++) resid[j] += block[(order + j) * ld + i] ** 2;
  }

  const { u, s, vt } = svdKernel(r11, 0, order, order, true, false);
  const uu = u as Float64Array;
  const vv = vt as Float64Array;
  let rank = 0;
  for (let i = 0; i < order; i++) if (s[i] > rcond * s[0]) rank++;
  const coef = new Float64Array(order * K);
  const t = new Float64Array(K);
  for (let i = 0; i < rank; i++) {
    t.fill(0);
    for (let p = 0; p < order; p++) {
      const upi = uu[p * order + i];
      for (let j = 0; j < K; j++) t[j] += upi * r12[p * K + j];
    }
    for (let j = 0; j < K; j++) t[j] /= s[i];
    for (let p = 0; p < order; p++) {
      const vip = vv[i * order + p];
      for (let j = 0; j < K; j++) coef[p * K + j] += vip * t[j];
    }
  }
  for (let p = 0; p < order; p++) for (let j = 0; j < K; j++) coef[p * K + j] /= scale[p];
  const coefArray = wrap(coef, Y.ndim === 1 ? [order] : [order, K]);

  if (options?.full) {
    const hasResid = rank === order && M > order;
    return {
      coef: coefArray,
      residuals: hasResid ? wrap(resid, [K]) : wrap(new Float64Array(0), [0]),
      rank,
      singularValues: wrap(s, [order]),
      rcond,
    };
  }
  if (options?.cov) {
    if (options.cov !== "unscaled" && M <= order) {
      throw rangeError(
        `polyfit: the number of data points must exceed order to scale the covariance matrix (got ${M} points for order ${order}); use cov: "unscaled".`,
      );
    }
    const base = gramInverse(r11, order);
    for (let i = 0; i < order; i++)
      for (let j = 0; j < order; j++) base[i * order + j] /= scale[i] * scale[j];
    const fac = new Float64Array(K);
    for (let j = 0; j < K; j++) fac[j] = options.cov === "unscaled" ? 1 : resid[j] / (M - order);
    if (Y.ndim === 1) {
      for (let i = 0; i < base.length; i++) base[i] *= fac[0];
      return { coef: coefArray, cov: wrap(base, [order, order]) };
    }
    const cov = new Float64Array(order * order * K);
    for (let i = 0; i < order * order; i++)
      for (let j = 0; j < K; j++) cov[i * K + j] = base[i] * fac[j];
    return { coef: coefArray, cov: wrap(cov, [order, order, K]) };
  }
  return coefArray;
}

/** One row of the Vandermonde matrix (x^deg ... x^0, powers by repeated multiplication as numpy), times w. */
function vanderRow(
  x: number,
  w: number,
  weighted: boolean,
  row: Float64Array,
  order: number,
): void {
  let pw = 1;
  for (let j = order - 1; j >= 0; j--) {
    row[j] = weighted ? pw * w : pw;
    pw *= x;
  }
}

/** inv(A_s^T A_s) from A_s's triangular factor: inv(R^T R), by LU as numpy inverts its Gram matrix. */
function gramInverse(r: Float64Array, n: number): Float64Array {
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v = 0;
      for (let p = 0; p <= Math.min(i, j); p++) v += r[p * n + i] * r[p * n + j];
      g[i * n + j] = v;
    }
  }
  const piv = new Int32Array(n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  if (luFactor(g, 0, n, piv) > 0) {
    out.fill(Number.NaN);
    return out;
  }
  luSolve(g, 0, n, piv, out, 0, n);
  return out;
}

/**
 * QR of [R; B] where R (rows 0..c-1 of the column-major block, leading dimension ld) is upper
 * triangular and B (rows c..c+rows-1) is dense: Householder reflections (LAPACK dlarfg signs)
 * that touch only row k of R and the rows of B, leaving the new R in rows 0..c-1.
 */
function foldRows(a: Float64Array, ld: number, c: number, rows: number): void {
  const b0 = c;
  const b1 = c + rows;
  for (let k = 0; k < c; k++) {
    const ck = k * ld;
    const alpha = a[ck + k];
    let ss = 0;
    for (let i = b0; i < b1; i++) ss += a[ck + i] * a[ck + i];
    let xnorm = Math.sqrt(ss);
    // Plain sum of squares unless it under- or overflowed.
    if (!(ss > 1e-290 && ss < 1e290)) xnorm = norm2(a, ck + b0, rows, 1);
    const [tau, beta] = reflector(a, ck + b0, rows, 1, alpha, xnorm);
    if (tau === 0) continue;
    a[ck + k] = beta;
    // Two columns per pass over the reflector (half the loads of v).
    let j = k + 1;
    for (; j + 1 < c; j += 2) {
      const cj = j * ld;
      const cj2 = cj + ld;
      let w = a[cj + k];
      let w2 = a[cj2 + k];
      for (let i = b0; i < b1; i++) {
        const v = a[ck + i];
        w += v * a[cj + i];
        w2 += v * a[cj2 + i];
      }
      w *= tau;
      w2 *= tau;
      a[cj + k] -= w;
      a[cj2 + k] -= w2;
      for (let i = b0; i < b1; i++) {
        const v = a[ck + i];
        a[cj + i] -= w * v;
        a[cj2 + i] -= w2 * v;
      }
    }
    if (j < c) {
      const cj = j * ld;
      let w = a[cj + k];
      for (let i = b0; i < b1; i++) w += a[ck + i] * a[cj + i];
      w *= tau;
      a[cj + k] -= w;
      for (let i = b0; i < b1; i++) a[cj + i] -= w * a[ck + i];
    }
  }
}
