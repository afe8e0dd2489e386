// Singular value decomposition by one-sided (Hestenes) Jacobi after a Householder QR: accurate
// (the tests hold the singular values to numpy's within 1e-13 relative) and simple. Private kernel for svd, lstsq, pinv, norm,
// cond, matrixRank and polyfit.
import { formQ, householderQR, norm2 } from "./householder.js";
import { swapRuns } from "./swapRuns.js";

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
  // Jacobi runs on the columns of R^T, i.e. the rows of R, stored row-wise in g so rotations
  // are contiguous. R^T of a QR factor is closer to orthogonal columns than R (Drmač-Veselić
  // preconditioning), so fewer sweeps are needed. R^T = U' S V'^T gives R = V' S U'^T.
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) g[i * n + j] = qr[i * n + j];
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  hestenes(g, v, n, uv);
  const sig = new Float64Array(n);
  for (let j = 0; j < n; j++) sig[j] = norm2(g, j * n, n, 1);
  const order = Array.from({ length: n }, (_, j) => j).sort((p, q) => sig[q] - sig[p] || p - q);
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) s[j] = sig[order[j]];
  if (!uv) return { s };
  // U_R column j = V' column order[j] = row order[j] of v (always orthonormal).
  const ur = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const src = order[j] * n;
    for (let i = 0; i < n; i++) ur[i * n + j] = v[src + i];
  }
  // Vt row j = g_order[j] / sigma, completed to an orthonormal basis where sigma = 0.
  const vcols = new Float64Array(n * n);
  const have: boolean[] = [];
  for (let j = 0; j < n; j++) {
    const src = order[j];
    const sj = s[j];
    have.push(sj > 0 && Number.isFinite(sj));
    if (have[j]) for (let i = 0; i < n; i++) vcols[i * n + j] = g[src * n + i] / sj;
  }
  completeBasis(vcols, n, have);
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
  const vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[j * n + i] = vcols[i * n + j];
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
  // LAPACK dgesvj's threshold: columns count as orthogonal when |cos angle| <= sqrt(n) eps.
  const tol = Math.sqrt(n) * EPS;
  const norms = new Float64Array(n);
  for (let sweep = 0; sweep < 80; sweep++) {
    // Squared column norms, refreshed every sweep and updated exactly-in-theory per rotation.
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += g[j * n + i] * g[j * n + i];
      norms[j] = s;
    }
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const rp = p * n;
      // de Rijk's pivoting: bring the largest remaining column to position p.
      let big = p;
      for (let q = p + 1; q < n; q++) if (norms[q] > norms[big]) big = q;
      if (big !== p) {
        const rb = big * n;
        swapRuns(g, rp, rb, n);
        if (uv) swapRuns(v, rp, rb, n);
        const t = norms[p];
        norms[p] = norms[big];
        norms[big] = t;
      }
      for (let q = p + 1; q < n; q++) {
        const rq = q * n;
        const alpha = norms[p];
        const beta = norms[q];
        let gamma = 0;
        for (let i = 0; i < n; i++) gamma += g[rp + i] * g[rq + i];
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) continue;
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
        norms[p] = Math.max(alpha - t * gamma, 0);
        norms[q] = beta + t * gamma;
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
