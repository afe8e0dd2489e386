// Scalar helpers for one local polynomial, coefficients highest power first.

/** a (a-1) ... (a-n+1), the factor the n-th derivative puts on s^a. */
export function falling(a: number, n: number): number {
  let f = 1;
  for (let i = 0; i < n; i++) f *= a - i;
  return f;
}

/** Value at `s` of `sum_p c[p] s^(d-p)`, `d = len - 1`, read from `c[off + p*stride]`. */
export function horner(
  c: Float64Array,
  off: number,
  stride: number,
  len: number,
  s: number,
): number {
  let res = 0;
  for (let p = 0; p < len; p++) res = res * s + c[off + p * stride];
  return res;
}

/** The `nu`-th derivative at `s` (`nu >= 0`); zero once `nu` exceeds the degree. */
export function hornerDerivative(
  c: Float64Array,
  off: number,
  stride: number,
  len: number,
  nu: number,
  s: number,
): number {
  const deg = len - 1;
  let res = 0;
  for (let p = 0; p <= deg - nu; p++) res = res * s + c[off + p * stride] * falling(deg - p, nu);
  return res;
}

/** The antiderivative with zero constant, `sum_p c[p] s^(d-p+1) / (d-p+1)`, at `s`. */
export function hornerIntegral(
  c: Float64Array,
  off: number,
  stride: number,
  len: number,
  s: number,
): number {
  const deg = len - 1;
  let res = 0;
  for (let p = 0; p < len; p++) res = res * s + c[off + p * stride] / (deg - p + 1);
  return res * s;
}

function evalDense(a: readonly number[], s: number): number {
  let res = 0;
  for (let p = 0; p < a.length; p++) res = res * s + a[p];
  return res;
}

/**
 * Real roots in `[lo, hi]` of the polynomial `a` (highest power first, `a[0] != 0`), ascending.
 * Roots of the derivative split the range into monotone pieces; each piece with a sign change
 * holds exactly one root, found by bisection to the last bit.
 */
export function realRootsIn(a: readonly number[], lo: number, hi: number): number[] {
  const deg = a.length - 1;
  if (deg < 1) return [];
  if (a[deg] === 0) {
    // an exact root at 0 (a spline piece starting at a zero): deflate instead of bisecting toward it
    const rest = realRootsIn(a.slice(0, deg), lo, hi);
    if (lo <= 0 && hi >= 0) rest.push(0);
    return rest.sort((p, q) => p - q).filter((r, i, all) => i === 0 || r !== all[i - 1]);
  }
  if (deg === 1) {
    const r = -a[1] / a[0];
    return r >= lo && r <= hi ? [r] : [];
  }
  const da: number[] = [];
  for (let p = 0; p < deg; p++) da.push(a[p] * (deg - p));
  const crit = realRootsIn(da, lo, hi);
  const cuts = [lo, ...crit.filter((c) => c > lo && c < hi), hi];
  const roots: number[] = [];
  const push = (r: number): void => {
    if (roots.length === 0 || roots[roots.length - 1] !== r) roots.push(r);
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    let l = cuts[i];
    let h = cuts[i + 1];
    let fl = evalDense(a, l);
    const fh = evalDense(a, h);
    if (fl === 0) {
      push(l);
      continue;
    }
    if (fh === 0) continue; // reported as the left end of the next piece (or below)
    if (fl < 0 === fh < 0) continue;
    for (let it = 0; it < 2200; it++) {
      const m = 0.5 * (l + h);
      if (m <= l || m >= h) break;
      const fm = evalDense(a, m);
      if (fm === 0) {
        l = h = m;
        break;
      }
      if (fm < 0 === fl < 0) {
        l = m;
        fl = fm;
      } else h = m;
    }
    push(Math.abs(evalDense(a, l)) <= Math.abs(evalDense(a, h)) ? l : h);
  }
  if (evalDense(a, hi) === 0) push(hi);
  return roots;
}

/** Cauchy's bound: every root has modulus below it. */
export function rootBound(a: readonly number[]): number {
  let m = 0;
  for (let p = 1; p < a.length; p++) m = Math.max(m, Math.abs(a[p] / a[0]));
  return 1 + m;
}
