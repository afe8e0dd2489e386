// Interval searches shared by every evaluator. No validation: callers pass sorted breakpoints.

/**
 * The interval `i` with `x[i] <= v < x[i+1]` for ascending breakpoints `x[0..nx-1]` (the last
 * interval is closed, so `v == x[nx-1]` gives `nx-2`). Points below/above go to the first/last
 * interval when `extrapolate`, else -1; NaN gives -1. `prev` is where the previous point was
 * found: sorted queries then cost O(1) instead of a full binary search.
 */
export function findAscending(
  x: Float64Array,
  nx: number,
  v: number,
  prev: number,
  extrapolate: boolean,
): number {
  const a = x[0];
  const b = x[nx - 1];
  if (!(v >= a && v <= b)) {
    if (v < a && extrapolate) return 0;
    if (v > b && extrapolate) return nx - 2;
    return -1;
  }
  if (v === b) return nx - 2;
  const i = prev < 0 || prev > nx - 2 ? 0 : prev;
  // locality: the previous interval or its right neighbour cover monotone queries
  if (v >= x[i]) {
    if (v < x[i + 1]) return i;
    if (i + 2 < nx && v < x[i + 2]) return i + 1;
    let lo = i + 1;
    let hi = nx - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (v < x[mid]) hi = mid - 1;
      else lo = mid;
    }
    return lo;
  }
  let lo = 0;
  let hi = i - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (v < x[mid]) hi = mid - 1;
    else lo = mid;
  }
  return lo;
}

/**
 * Descending breakpoints: the interval `i` with `x[i+1] < v <= x[i]` (the last one closed).
 */
export function findDescending(
  x: Float64Array,
  nx: number,
  v: number,
  prev: number,
  extrapolate: boolean,
): number {
  const a = x[0];
  const b = x[nx - 1];
  if (!(v <= a && v >= b)) {
    if (v > a && extrapolate) return 0;
    if (v < b && extrapolate) return nx - 2;
    return -1;
  }
  if (v === b) return nx - 2;
  const i = prev < 0 || prev > nx - 2 ? 0 : prev;
  let lo = 0;
  let hi = nx - 2;
  if (v <= x[i]) lo = i;
  else hi = i;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (v > x[mid]) hi = mid - 1;
    else lo = mid;
  }
  return lo;
}

/**
 * numpy's `searchsorted(a, v, side)`: the number of elements `< v` (left) or `<= v` (right).
 * NaN sorts last, as in numpy. `hint` is a previous answer, checked first.
 */
export function searchsorted(
  a: Float64Array,
  n: number,
  v: number,
  right: boolean,
  hint: number,
): number {
  if (Number.isNaN(v)) return n;
  // answer j satisfies a[j-1] < v <= a[j] (left) or a[j-1] <= v < a[j] (right)
  if (hint >= 0 && hint <= n) {
    const okLow = hint === 0 || (right ? a[hint - 1] <= v : a[hint - 1] < v);
    const okHigh = hint === n || (right ? v < a[hint] : v <= a[hint]);
    if (okLow && okHigh) return hint;
  }
  let lo = 0;
  let hi = n;
  if (right) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
  } else {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < v) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}

/**
 * B-spline knot span: `l` with `t[l] <= v < t[l+1]` and `k <= l < n` (n = t.length - k - 1); the
 * last span is closed at `t[n]`. Outside `[t[k], t[n]]` gives the end spans when `extrapolate`,
 * else -1; NaN gives -1.
 */
export function findSpan(
  t: Float64Array,
  k: number,
  n: number,
  v: number,
  prev: number,
  extrapolate: boolean,
): number {
  if (Number.isNaN(v)) return -1;
  if (v < t[k]) return extrapolate ? k : -1;
  if (v >= t[n]) return v > t[n] && !extrapolate ? -1 : n - 1;
  if (prev >= k && prev < n && t[prev] <= v) {
    if (v < t[prev + 1]) return prev;
    if (prev + 1 < n && v < t[prev + 2]) return prev + 1;
  }
  // invariant t[lo] <= v < t[hi]
  let lo = k;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}
