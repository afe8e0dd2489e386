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

const SAFMIN = 2.2250738585072014e-308 / 1.1102230246251565e-16;

/**
 * LAPACK dlarfg: the reflector H = I - tau v v^T with H [alpha; x] = [beta; 0]. Overwrites x
 * (`count` elements from `at`, step `step`) with v's tail (v[0] = 1 implied) and returns
 * [tau, beta]; tau = 0 when x is already zero. Rescales like LAPACK when beta is tiny, so
 * subnormal columns do not overflow 1 / (alpha - beta).
 */
export function reflector(
  x: Float64Array,
  at: number,
  count: number,
  step: number,
  alpha: number,
  xnorm: number,
): [number, number] {
  if (xnorm === 0) return [0, alpha];
  let beta = alpha >= 0 ? -Math.hypot(alpha, xnorm) : Math.hypot(alpha, xnorm);
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    const rsafmn = 1 / SAFMIN;
    do {
      knt++;
      for (let i = 0; i < count; i++) x[at + i * step] *= rsafmn;
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    const h = Math.hypot(alpha, norm2(x, at, count, step));
    beta = alpha >= 0 ? -h : h;
  }
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let i = 0; i < count; i++) x[at + i * step] *= scal;
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  return [tau, beta];
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
    const xnorm = norm2(a, rk + n + k, m - k - 1, n);
    const [t, beta] = reflector(a, rk + n + k, m - k - 1, n, a[rk + k], xnorm);
    tau[k] = t;
    if (t === 0) continue;
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
