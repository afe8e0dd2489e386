// LU factorization with partial pivoting (unblocked getf2), row-major and in place.
import { swapRuns } from "./swapRuns.js";

/** Dot products at least this long are split over four accumulators. */
const UNROLL = 32;

/**
 * Factors the n x n matrix at `a[o..]` into P A = L U in place (unit L below the diagonal, U on
 * and above it). `piv[k]` is the row swapped with row k at step k (LAPACK's ipiv, 0-based).
 * Returns 0, or 1 + the index of the first exactly-zero pivot (LAPACK's info) — the
 * factorization is still completed, as LAPACK does.
 *
 * Left-looking (Crout) order, as OpenBLAS's getf2: each column is first reduced by dot products
 * with the finished columns (the sum is formed, then subtracted), then pivoted and scaled by the
 * reciprocal of the pivot. This reproduces numpy's last bits on small matrices, which the
 * right-looking update order does not (det([[1,2,3],[4,5,6],[7,8,10]]) differs in 5 ulps).
 */
export function luFactor(a: Float64Array, o: number, n: number, piv: Int32Array): number {
  let info = 0;
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) col[i] = a[o + i * n + j];
    // U part of the column: forward substitution with the unit lower triangle.
    for (let i = 1; i < j; i++) {
      const ri = o + i * n;
      let t = 0;
      for (let p = 0; p < i; p++) t += a[ri + p] * col[p];
      col[i] -= t;
    }
    // The rest of the column: minus L[i, 0:j] . U[0:j, j]. Long dot products use four
    // accumulators (as BLAS kernels do); short ones stay sequential, which is what reproduces
    // numpy's bits on small matrices.
    if (j > 0 && j < UNROLL) {
      for (let i = j; i < n; i++) {
        const ri = o + i * n;
        let t = 0;
        for (let p = 0; p < j; p++) t += a[ri + p] * col[p];
        col[i] -= t;
      }
    } else if (j > 0) {
      const j4 = j & ~3;
      for (let i = j; i < n; i++) {
        const ri = o + i * n;
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        for (let p = 0; p < j4; p += 4) {
          t0 += a[ri + p] * col[p];
          t1 += a[ri + p + 1] * col[p + 1];
          t2 += a[ri + p + 2] * col[p + 2];
          t3 += a[ri + p + 3] * col[p + 3];
        }
        let t = t0 + t1 + (t2 + t3);
        for (let p = j4; p < j; p++) t += a[ri + p] * col[p];
        col[i] -= t;
      }
    }
    // The first row holding the largest |col[i]| (idamax).
    let pr = j;
    let big = Math.abs(col[j]);
    for (let i = j + 1; i < n; i++) {
      const v = Math.abs(col[i]);
      if (v > big || (Number.isNaN(v) && !Number.isNaN(big))) {
        big = v;
        pr = i;
      }
    }
    piv[j] = pr;
    if (pr !== j) {
      const rj = o + j * n;
      const rp = o + pr * n;
      swapRuns(a, rj, rp, n);
      const t = col[j];
      col[j] = col[pr];
      col[pr] = t;
    }
    const pivot = col[j];
    if (pivot !== 0) {
      if (Math.abs(pivot) >= 2.2250738585072014e-308) {
        const r = 1 / pivot;
        for (let i = j + 1; i < n; i++) col[i] *= r;
      } else {
        for (let i = j + 1; i < n; i++) col[i] /= pivot;
      }
    } else if (info === 0) info = j + 1;
    for (let i = 0; i < n; i++) a[o + i * n + j] = col[i];
  }
  return info;
}

/**
 * Solves A X = B given `luFactor`'s output for A (n x n at `lu[o..]`), overwriting the row-major
 * n x nrhs right-hand side at `b[bo..]` with X (getrs: row swaps, then unit-lower and upper
 * triangular solves).
 */
export function luSolve(
  lu: Float64Array,
  o: number,
  n: number,
  piv: Int32Array,
  b: Float64Array,
  bo: number,
  nrhs: number,
): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p === k) continue;
    const rk = bo + k * nrhs;
    const rp = bo + p * nrhs;
    swapRuns(b, rk, rp, nrhs);
  }
  for (let k = 0; k < n; k++) {
    const rk = bo + k * nrhs;
    for (let i = k + 1; i < n; i++) {
      const l = lu[o + i * n + k];
      if (l === 0) continue;
      const ri = bo + i * nrhs;
      for (let j = 0; j < nrhs; j++) b[ri + j] -= l * b[rk + j];
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    const rk = bo + k * nrhs;
    // Multiply by the reciprocal of the pivot, as OpenBLAS's trsm kernels do (numpy's inv bits).
    const r = 1 / lu[o + k * n + k];
    for (let j = 0; j < nrhs; j++) b[rk + j] *= r;
    for (let i = 0; i < k; i++) {
      const u = lu[o + i * n + k];
      if (u === 0) continue;
      const ri = bo + i * nrhs;
      for (let j = 0; j < nrhs; j++) b[ri + j] -= u * b[rk + j];
    }
  }
}
