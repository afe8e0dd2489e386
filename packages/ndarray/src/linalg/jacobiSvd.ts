// Singular value decomposition by one-sided (Hestenes) Jacobi after a Householder QR: accurate
// to a few ulps in the singular values, and simple. Private kernel for svd, lstsq, pinv, norm,
// cond, matrixRank and polyfit.
import { formQ, householderQR, norm2 } from "./householder.js";

const EPS = 2.220446049250313e-16;

/** The factors of a row-major m x n matrix: A = U diag(s) Vt, s descending. */
export interface SvdFactors {
  /** m x m (full) or m x min(m,n), row-major; absent when not requested. */
  u?: Float64Array;
  s: Float64Array;
  /** n x n (full) or min(m,n) x n, row-major; absent when not requested. */
  vt?: Float64Array;
}

/**
 * SVD of the m x n matrix at `a[o..]` (not modified). With `uv` false only `s` is computed;
 * `full` selects square U and Vt.
 */
export function svdKernel(
  a: Float64Array,
  o: number,
  m: number,
  n: number,
  uv: boolean,
  full: boolean,
): SvdFactors {
  if (m >= n) return svdTall(a, o, m, n, uv, full, false);
  // A^T = U' S V'^T, so A = V' S U'^T: swap the roles.
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[o + i * n + j];
  const r = svdTall(t, 0, n, m, uv, full, true);
  return { u: r.vt, s: r.s, vt: r.u };
}

/**
 * m >= n. With `transposed`, returns u and vt already swapped into the caller's orientation:
 * `u` holds the caller's Vt (rows are right singular vectors of A^T = columns of U'), etc.
 */
function svdTall(
  a: Float64Array,
  o: number,
  m: number,
  n: number,
  uv: boolean,
  full: boolean,
  transposed: boolean,
): SvdFactors {
  const k = n;
  // QR first: R is n x n, and the column rotations then work on a small, well-scaled matrix.
  const qr = a.slice(o, o + m * n);
  const tau = new Float64Array(n);
  householderQR(qr, 0, m, n, tau, new Float64Array(Math.max(m, n)));
  // g holds R^T: row j of g is column j of R, so column rotations are contiguous row updates.
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) g[j * n + i] = qr[i * n + j];
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  hestenes(g, v, n, uv);
  const sig = new Float64Array(n);
  for (let j = 0; j < n; j++) sig[j] = norm2(g, j * n, n, 1);
  const order = Array.from({ length: n }, (_, j) => j).sort((p, q) => sig[q] - sig[p] || p - q);
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) s[j] = sig[order[j]];
  if (!uv) return { s };
  // U_R (n x n): column j = g_order[j] / sigma; completed to an orthonormal basis where sigma = 0.
  const ur = new Float64Array(n * n);
  const have: boolean[] = [];
  for (let j = 0; j < n; j++) {
    const src = order[j];
    const sj = s[j];
    have.push(sj > 0 && Number.isFinite(sj));
    if (have[j]) for (let i = 0; i < n; i++) ur[i * n + j] = g[src * n + i] / sj;
  }
  completeBasis(ur, n, have);
  // U = Q [U_R 0; 0 I]: the first n columns of Q times U_R, then Q's remaining columns.
  const qcols = full ? m : n;
  const q = formQ(qr, 0, m, n, tau, qcols, new Float64Array(qcols));
  const u = new Float64Array(m * qcols);
  for (let i = 0; i < m; i++) {
    const qi = i * qcols;
    for (let p = 0; p < n; p++) {
      const qip = q[qi + p];
      if (qip === 0) continue;
      const up = p * n;
      for (let j = 0; j < n; j++) u[qi + j] += qip * ur[up + j];
    }
    for (let j = n; j < qcols; j++) u[qi + j] = q[qi + j];
  }
  // Vt rows are V's columns, i.e. v's rows after the rotations (v holds V^T row-wise).
  const vt = new Float64Array(n * n);
  for (let j = 0; j < n; j++) vt.set(v.subarray(order[j] * n, order[j] * n + n), j * n);
  if (!transposed) return { u, s, vt };
  // Caller wants U of A = (our Vt)^T and Vt of A = (our U)^T.
  const ut = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ut[i * n + j] = vt[j * n + i];
  const vtt = new Float64Array(qcols * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < qcols; j++) vtt[j * m + i] = u[i * qcols + j];
  return { u: vtt, s, vt: ut };
}

/**
 * One-sided Jacobi on the rows of g (n x n): rotates pairs of rows until all are mutually
 * orthogonal to working precision, applying the same rotations to the rows of v.
 */
function hestenes(g: Float64Array, v: Float64Array, n: number, uv: boolean): void {
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const rp = p * n;
      for (let q = p + 1; q < n; q++) {
        const rq = q * n;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const x = g[rp + i];
          const y = g[rq + i];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const x = g[rp + i];
          const y = g[rq + i];
          g[rp + i] = c * x - s * y;
          g[rq + i] = s * x + c * y;
        }
        if (uv) {
          for (let i = 0; i < n; i++) {
            const x = v[rp + i];
            const y = v[rq + i];
            v[rp + i] = c * x - s * y;
            v[rq + i] = s * x + c * y;
          }
        }
      }
    }
    if (!rotated) return;
  }
}

/**
 * Fills the columns of the n x n row-major `u` not marked in `have` with unit vectors
 * orthogonal to all others (Gram-Schmidt, twice, against the coordinate axes).
 */
export function completeBasis(u: Float64Array, n: number, have: boolean[]): void {
  const col = new Float64Array(n);
  const best = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (have[j]) continue;
    // The coordinate axis with the largest part outside the span is the best-conditioned start.
    let bestNorm = -1;
    for (let e = 0; e < n; e++) {
      col.fill(0);
      col[e] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let c = 0; c < n; c++) {
          if (!have[c]) continue;
          let d = 0;
          for (let i = 0; i < n; i++) d += u[i * n + c] * col[i];
          for (let i = 0; i < n; i++) col[i] -= d * u[i * n + c];
        }
      }
      const nrm = norm2(col, 0, n, 1);
      if (nrm > bestNorm) {
        bestNorm = nrm;
        for (let i = 0; i < n; i++) best[i] = col[i] / nrm;
      }
    }
    for (let i = 0; i < n; i++) u[i * n + j] = best[i];
    have[j] = true;
  }
}
