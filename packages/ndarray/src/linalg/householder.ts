// Householder QR (LAPACK geqr2 / org2r conventions), row-major and in place. Shared by qr, svd,
// lstsq and polyfit.

/** sqrt(sum x_i^2) over `count` elements from `at` with step `step`, scaled against overflow. */
export function norm2(x: Float64Array, at: number, count: number, step: number): number {
  let scale = 0;
  for (let i = 0; i < count; i++) scale = Math.max(scale, Math.abs(x[at + i * step]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let ssq = 0;
  for (let i = 0; i < count; i++) {
    const v = x[at + i * step] / scale;
    ssq += v * v;
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Factors the m x n matrix at `a[o..]` as A = Q R. On return R is on and above the diagonal and
 * the Householder vectors v_k (with implicit v_k[k] = 1) below it; `tau[k]` scales reflector k,
 * H_k = I - tau_k v_k v_k^T (LAPACK dlarfg: R's diagonal is -sign(a_kk) * |column|).
 * `work` needs n elements.
 */
export function householderQR(
  a: Float64Array,
  o: number,
  m: number,
  n: number,
  tau: Float64Array,
  work: Float64Array,
): void {
  const kmax = Math.min(m, n);
  for (let k = 0; k < kmax; k++) {
    const rk = o + k * n;
    const alpha = a[rk + k];
    const xnorm = norm2(a, rk + n + k, m - k - 1, n);
    if (xnorm === 0) {
      tau[k] = 0;
      continue;
    }
    const h = Math.hypot(alpha, xnorm);
    const beta = alpha >= 0 ? -h : h;
    tau[k] = (beta - alpha) / beta;
    const scal = 1 / (alpha - beta);
    for (let i = k + 1; i < m; i++) a[o + i * n + k] *= scal;
    a[rk + k] = beta;
    applyReflector(a, o, m, n, k, tau[k], a, o, n, k + 1, n, work);
  }
}

/**
 * Applies H = I - tau v v^T (v stored in column k of the m-row matrix `v` below row k, with
 * v[k] = 1) from the left to rows k.. and columns j0..j1-1 of the matrix `c` (row stride ldc).
 */
export function applyReflector(
  v: Float64Array,
  vo: number,
  m: number,
  ldv: number,
  k: number,
  tau: number,
  c: Float64Array,
  co: number,
  ldc: number,
  j0: number,
  j1: number,
  work: Float64Array,
): void {
  if (tau === 0 || j0 >= j1) return;
  const rk = co + k * ldc;
  for (let j = j0; j < j1; j++) work[j] = c[rk + j];
  for (let i = k + 1; i < m; i++) {
    const vi = v[vo + i * ldv + k];
    if (vi === 0) continue;
    const ri = co + i * ldc;
    for (let j = j0; j < j1; j++) work[j] += vi * c[ri + j];
  }
  for (let j = j0; j < j1; j++) {
    work[j] *= tau;
    c[rk + j] -= work[j];
  }
  for (let i = k + 1; i < m; i++) {
    const vi = v[vo + i * ldv + k];
    if (vi === 0) continue;
    const ri = co + i * ldc;
    for (let j = j0; j < j1; j++) c[ri + j] -= vi * work[j];
  }
}

/**
 * Forms the first `q` columns of Q = H_0 H_1 ... from `householderQR`'s output (m x n at
 * `a[o..]`), as an m x q row-major matrix (LAPACK org2r). `work` needs q elements.
 */
export function formQ(
  a: Float64Array,
  o: number,
  m: number,
  n: number,
  tau: Float64Array,
  q: number,
  work: Float64Array,
): Float64Array {
  const out = new Float64Array(m * q);
  for (let i = 0; i < Math.min(m, q); i++) out[i * q + i] = 1;
  for (let k = Math.min(m, n) - 1; k >= 0; k--) {
    applyReflector(a, o, m, n, k, tau[k], out, 0, q, 0, q, work);
  }
  return out;
}
