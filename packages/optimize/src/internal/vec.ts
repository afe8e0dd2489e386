// Small dense vector/matrix helpers on Float64Array for per-iteration algorithm code.
// Sums run left to right, as numpy's dot does for the short vectors optimizers see.

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm2(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** Overflow-safe 2-norm (LAPACK dnrm2's scaling), for trust-region magnitudes. */
export function nrm2(a: Float64Array): number {
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== 0) {
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) * (scale / av);
        scale = av;
      } else {
        ssq += (av / scale) * (av / scale);
      }
    } else if (Number.isNaN(v)) {
      return Number.NaN;
    }
  }
  return scale * Math.sqrt(ssq);
}

export function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m || Number.isNaN(v)) m = v;
  }
  return m;
}

/** numpy's `sum(abs(x)**ord)**(1/ord)` (scipy's vecnorm). */
export function vecnorm(a: Float64Array, ord: number): number {
  if (ord === Number.POSITIVE_INFINITY) return normInf(a);
  if (ord === Number.NEGATIVE_INFINITY) {
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < a.length; i++) m = Math.min(m, Math.abs(a[i]));
    return m;
  }
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]) ** ord;
  return s ** (1 / ord);
}

/** y = M x for a row-major n×n matrix. */
export function matvec(out: Float64Array, m: Float64Array, x: Float64Array): Float64Array {
  const n = x.length;
  // four rows at a time (x[j] read once for four rows); each row is summed in j order as alone
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      s0 += m[r0 + j] * xj;
      s1 += m[r1 + j] * xj;
      s2 += m[r2 + j] * xj;
      s3 += m[r3 + j] * xj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) {
    let s = 0;
    const r = i * n;
    for (let j = 0; j < n; j++) s += m[r + j] * x[j];
    out[i] = s;
  }
  return out;
}

export function arrayEqual(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return !hasNaN(a);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function hasNaN(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i])) return true;
  return false;
}

export function eyeFlat(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}
