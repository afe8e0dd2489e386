// B-spline basis and spline evaluation (the Cox-de Boor recursion), on raw Float64Arrays.
import { type BucketIndex, buildBucketIndex } from "./bucketIndex.js";
import { findSpan } from "./search.js";

/**
 * The `nu`-th derivatives at `v` of the `k + 1` degree-`k` B-splines that are nonzero on the knot
 * span `l` (`t[l] <= v < t[l+1]`), written to `out[0..k]`. `work` needs `k + 1` slots.
 */
export function basis(
  t: Float64Array,
  k: number,
  v: number,
  l: number,
  nu: number,
  out: Float64Array,
  work: Float64Array,
): void {
  if (nu > k) {
    out.fill(0, 0, k + 1);
    return;
  }
  out[0] = 1;
  for (let j = 1; j <= k; j++) {
    for (let i = 0; i < j; i++) work[i] = out[i];
    out[0] = 0;
    const deriv = j > k - nu;
    for (let i = 1; i <= j; i++) {
      const xb = t[l + i];
      const xa = t[l + i - j];
      if (xb === xa) {
        out[i] = 0;
        continue;
      }
      if (deriv) {
        const w = (j * work[i - 1]) / (xb - xa);
        out[i - 1] -= w;
        out[i] = w;
      } else {
        const w = work[i - 1] / (xb - xa);
        out[i - 1] += w * (xb - v);
        out[i] = w * (v - xa);
      }
    }
  }
}

/** Periodic reduction of `v` into `[a, a + period)`, as Python's `%` (result has the sign of the period). */
export function wrap(v: number, a: number, period: number): number {
  let m = (v - a) % period;
  if (m !== 0 && m < 0 !== period < 0) m += period;
  return a + m;
}

/**
 * Evaluates the spline `(t, c, k)` (`c` as `nt` rows of `r`) or its `nu`-th derivative at every
 * point of `xs`, writing `out` as (points, r) rows. NaN where the point is NaN or out of range
 * without `extrapolate`. `skipEmptySpans` moves points off zero-length spans onto the piece
 * before (used for integrals; evaluation keeps scipy's values).
 */
export function evalSpline(
  t: Float64Array,
  c: Float64Array,
  r: number,
  k: number,
  xs: Float64Array,
  nu: number,
  extrapolate: boolean | "periodic",
  out: Float64Array,
  skipEmptySpans = false,
  cache?: { index?: BucketIndex | null },
): void {
  const n = t.length - k - 1;
  const m0 = xs.length;
  // for many points, a bucket index over the base knots t[k..n] replaces the binary search
  let index: BucketIndex | null = null;
  if (cache && m0 >= 256 && !skipEmptySpans) {
    if (cache.index === undefined) cache.index = buildBucketIndex(t.subarray(k, n + 1), n - k + 1);
    index = cache.index;
  }
  const tb0 = t[k];
  const te0 = t[n];
  const h = new Float64Array(k + 1);
  const work = new Float64Array(k + 1);
  const periodic = extrapolate === "periodic";
  const ext = extrapolate === true;
  const tb = t[k];
  const period = t[n] - t[k];
  let l = k;
  const m = xs.length;
  for (let p = 0; p < m; p++) {
    let v = xs[p];
    if (periodic) v = wrap(v, tb, period);
    let span: number;
    if (index && v >= tb0 && v < te0 && !(v >= t[l] && v < t[l + 1])) {
      let i = index.start[((v - tb0) * index.scale) | 0] + k;
      while (t[i] > v) i--;
      while (i < n - 1 && t[i + 1] <= v) i++;
      span = i;
    } else span = findSpan(t, k, n, v, l, ext);
    if (span < 0) {
      for (let j = 0; j < r; j++) out[p * r + j] = Number.NaN;
      continue;
    }
    l = span;
    // an empty end span (k = 0's last knot) would give 0 here; integration wants the last real piece
    if (skipEmptySpans) while (l > k && t[l] === t[l + 1]) l--;
    basis(t, k, v, l, nu, h, work);
    const base = (l - k) * r;
    if (r === 1) {
      let s = 0;
      for (let a = 0; a <= k; a++) s += c[base + a] * h[a];
      out[p] = s;
    } else {
      for (let j = 0; j < r; j++) {
        let s = 0;
        for (let a = 0; a <= k; a++) s += c[base + a * r + j] * h[a];
        out[p * r + j] = s;
      }
    }
  }
}
