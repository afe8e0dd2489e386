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
  for (let i = 0; i < n; i++) {
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
