// Small dense vector/matrix helpers on Float64Array for per-iteration algorithm code.
// Sums run left to right, as numpy's dot does for the short vectors optimizers see.
//
// The loops over arrays passed as parameters go four elements at a time with the loads grouped
// first: V8 reloads a typed array's base pointer and length around every store and bounds check,
// and grouping the loads pays that once per four elements.
// Every sum still takes one accumulator in index order, so the results are bit-identical to the
// plain loops.

export function dot(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let s = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = a[i];
    const a1 = a[i + 1];
    const a2 = a[i + 2];
    const a3 = a[i + 3];
    const b0 = b[i];
    const b1 = b[i + 1];
    const b2 = b[i + 2];
    const b3 = b[i + 3];
    s += a0 * b0;
    s += a1 * b1;
    s += a2 * b2;
    s += a3 * b3;
  }
  for (; i < n; i++) s += a[i] * b[i];
  return s;
}

export function norm2(a: Float64Array): number {
  const n = a.length;
  let s = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = a[i];
    const a1 = a[i + 1];
    const a2 = a[i + 2];
    const a3 = a[i + 3];
    s += a0 * a0;
    s += a1 * a1;
    s += a2 * a2;
    s += a3 * a3;
  }
  for (; i < n; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/**
 * q[i] += c * w[wo + i] for i < n, returning the sum of v[vo + i] * q[i] over the updated q (in
 * index order): one pass of the L-BFGS two-loop recursion. With c = -a the update is q[i] - a * w[i]
 * exactly (negation and the product's sign commute in IEEE arithmetic).
 */
export function axpyDot(
  q: Float64Array,
  c: number,
  w: Float64Array,
  wo: number,
  v: Float64Array,
  vo: number,
  n: number,
): number {
  let s = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const q0 = q[i];
    const q1 = q[i + 1];
    const q2 = q[i + 2];
    const q3 = q[i + 3];
    const w0 = w[wo + i];
    const w1 = w[wo + i + 1];
    const w2 = w[wo + i + 2];
    const w3 = w[wo + i + 3];
    const v0 = v[vo + i];
    const v1 = v[vo + i + 1];
    const v2 = v[vo + i + 2];
    const v3 = v[vo + i + 3];
    const r0 = q0 + c * w0;
    const r1 = q1 + c * w1;
    const r2 = q2 + c * w2;
    const r3 = q3 + c * w3;
    q[i] = r0;
    q[i + 1] = r1;
    q[i + 2] = r2;
    q[i + 3] = r3;
    s += v0 * r0;
    s += v1 * r1;
    s += v2 * r2;
    s += v3 * r3;
  }
  for (; i < n; i++) {
    const r = q[i] + c * w[wo + i];
    q[i] = r;
    s += v[vo + i] * r;
  }
  return s;
}

/** q[i] += c * w[wo + i] for i < n (the last pass of each two-loop half, which needs no sum). */
export function axpyAt(q: Float64Array, c: number, w: Float64Array, wo: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const q0 = q[i];
    const q1 = q[i + 1];
    const q2 = q[i + 2];
    const q3 = q[i + 3];
    const w0 = w[wo + i];
    const w1 = w[wo + i + 1];
    const w2 = w[wo + i + 2];
    const w3 = w[wo + i + 3];
    q[i] = q0 + c * w0;
    q[i + 1] = q1 + c * w1;
    q[i + 2] = q2 + c * w2;
    q[i + 3] = q3 + c * w3;
  }
  for (; i < n; i++) q[i] += c * w[wo + i];
}

/** out[i] = a * x[i] + y[i]. */
export function scaleAdd(out: Float64Array, a: number, x: Float64Array, y: Float64Array): void {
  const n = out.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = x[i];
    const x1 = x[i + 1];
    const x2 = x[i + 2];
    const x3 = x[i + 3];
    const y0 = y[i];
    const y1 = y[i + 1];
    const y2 = y[i + 2];
    const y3 = y[i + 3];
    out[i] = a * x0 + y0;
    out[i + 1] = a * x1 + y1;
    out[i + 2] = a * x2 + y2;
    out[i + 3] = a * x3 + y3;
  }
  for (; i < n; i++) out[i] = a * x[i] + y[i];
}

/** out[i] = x[i] + y[i]. */
export function add(out: Float64Array, x: Float64Array, y: Float64Array): void {
  const n = out.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = x[i];
    const x1 = x[i + 1];
    const x2 = x[i + 2];
    const x3 = x[i + 3];
    const y0 = y[i];
    const y1 = y[i + 1];
    const y2 = y[i + 2];
    const y3 = y[i + 3];
    out[i] = x0 + y0;
    out[i + 1] = x1 + y1;
    out[i + 2] = x2 + y2;
    out[i + 3] = x3 + y3;
  }
  for (; i < n; i++) out[i] = x[i] + y[i];
}

/** out[i] = -x[i]. */
export function negate(out: Float64Array, x: Float64Array): void {
  const n = out.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = x[i];
    const x1 = x[i + 1];
    const x2 = x[i + 2];
    const x3 = x[i + 3];
    out[i] = -x0;
    out[i + 1] = -x1;
    out[i + 2] = -x2;
    out[i + 3] = -x3;
  }
  for (; i < n; i++) out[i] = -x[i];
}

/** out[i] = x[i] - y[i]. */
export function sub(out: Float64Array, x: Float64Array, y: Float64Array): void {
  const n = out.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = x[i];
    const x1 = x[i + 1];
    const x2 = x[i + 2];
    const x3 = x[i + 3];
    const y0 = y[i];
    const y1 = y[i + 1];
    const y2 = y[i + 2];
    const y3 = y[i + 3];
    out[i] = x0 - y0;
    out[i + 1] = x1 - y1;
    out[i + 2] = x2 - y2;
    out[i + 3] = x3 - y3;
  }
  for (; i < n; i++) out[i] = x[i] - y[i];
}

/** The sum of a[ao + i] * b[i] for i < n, in index order. */
export function dotAt(a: Float64Array, ao: number, b: Float64Array, n: number): number {
  let s = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = a[ao + i];
    const a1 = a[ao + i + 1];
    const a2 = a[ao + i + 2];
    const a3 = a[ao + i + 3];
    const b0 = b[i];
    const b1 = b[i + 1];
    const b2 = b[i + 2];
    const b3 = b[i + 3];
    s += a0 * b0;
    s += a1 * b1;
    s += a2 * b2;
    s += a3 * b3;
  }
  for (; i < n; i++) s += a[ao + i] * b[i];
  return s;
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
    let j = 0;
    // two columns at a time, loads first
    for (; j + 1 < n; j += 2) {
      const xj = x[j];
      const xk = x[j + 1];
      const a0 = m[r0 + j];
      const a1 = m[r0 + j + 1];
      const b0 = m[r1 + j];
      const b1 = m[r1 + j + 1];
      const c0 = m[r2 + j];
      const c1 = m[r2 + j + 1];
      const d0 = m[r3 + j];
      const d1 = m[r3 + j + 1];
      s0 += a0 * xj;
      s0 += a1 * xk;
      s1 += b0 * xj;
      s1 += b1 * xk;
      s2 += c0 * xj;
      s2 += c1 * xk;
      s3 += d0 * xj;
      s3 += d1 * xk;
    }
    for (; j < n; j++) {
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
  const n = a.length;
  if (n !== b.length) return false;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = a[i];
    const a1 = a[i + 1];
    const a2 = a[i + 2];
    const a3 = a[i + 3];
    const b0 = b[i];
    const b1 = b[i + 1];
    const b2 = b[i + 2];
    const b3 = b[i + 3];
    if (a0 !== b0 || a1 !== b1 || a2 !== b2 || a3 !== b3) return false;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function hasNaN(a: Float64Array): boolean {
  const n = a.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = a[i];
    const a1 = a[i + 1];
    const a2 = a[i + 2];
    const a3 = a[i + 3];
    if (Number.isNaN(a0) || Number.isNaN(a1) || Number.isNaN(a2) || Number.isNaN(a3)) return true;
  }
  for (; i < n; i++) if (Number.isNaN(a[i])) return true;
  return false;
}

export function eyeFlat(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}
