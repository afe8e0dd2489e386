// Per-iteration dense algebra on row-major Float64Array n×n matrices (Cholesky and friends).

/** Lower Cholesky factor L (A = L Lᵀ); null when A is not positive definite (LAPACK dpotrf fails). */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choSolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/**
 * Upper Cholesky A = UᵀU as LAPACK dpotrf computes it. `info` is 0 on success, else the 1-based
 * order of the leading minor that is not positive definite (U is valid above that row).
 */
export function choleskyUpper(a: Float64Array, n: number): { u: Float64Array; info: number } {
  const u = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let ajj = a[j * n + j];
    for (let k = 0; k < j; k++) ajj -= u[k * n + j] * u[k * n + j];
    if (!(ajj > 0)) {
      u[j * n + j] = ajj;
      return { u, info: j + 1 };
    }
    const ujj = Math.sqrt(ajj);
    u[j * n + j] = ujj;
    for (let i = j + 1; i < n; i++) {
      let s = a[j * n + i];
      for (let k = 0; k < j; k++) s -= u[k * n + j] * u[k * n + i];
      u[j * n + i] = s / ujj;
    }
  }
  return { u, info: 0 };
}

/** Solves U x = b for upper-triangular U (leading m×m block of an n×n array). */
export function solveUpper(u: Float64Array, n: number, b: Float64Array, m = n): Float64Array {
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < m; k++) s -= u[i * n + k] * x[k];
    x[i] = s / u[i * n + i];
  }
  return x;
}

/** Solves Uᵀ x = b for upper-triangular U. */
export function solveUpperT(u: Float64Array, n: number, b: Float64Array): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= u[k * n + i] * x[k];
    x[i] = s / u[i * n + i];
  }
  return x;
}
