// The cubic spline build in two sweeps over the data, writing the PPoly coefficients directly.
//
// scipy solves the slope system with LAPACK's gtsv: with the not-a-knot rows written as
// [dx1, x2 - x0] and [x[-1] - x[-3], dx[-2]], every end condition but "periodic" leaves it
// tridiagonal. Here it is eliminated without row exchanges (the Thomas algorithm). gtsv would
// exchange rows where a subdiagonal entry exceeds the pivot (uneven spacing, or a clamped end
// next to a long interval), but exchanges are not needed for stability: past the first row the
// system is strictly diagonally dominant by rows, for which elimination without pivoting has
// |L||U| <= 3|A| (Higham, Accuracy and Stability, Thm 9.12), so the slopes agree with gtsv's to
// rounding. For increasing x every pivot is positive; a pivot that is not (validated input
// produces one only when sums of spacings overflow to infinity) returns null, and the caller takes
// the general, pivoting path.
//
// No temporaries: the forward sweep parks what the backward sweep needs in the four slots of each
// interval of the coefficient array: the eliminated right-hand side and the superdiagonal, both
// divided by the pivot, the secant slope and 1 / dx. The backward sweep then overwrites them,
// interval by interval, with the Hermite coefficients (scipy's formulas, with the divisions by dx
// as products). The sweeps are latency-bound recurrences, so the only division left on either
// chain is the one of the pivots' continued fraction, d[i] = a[i] - (dl * du) / d[i-1].

import type { EndBC } from "../cubicSpline.js";

/**
 * The not-periodic cubic spline's coefficients, interval-major `cf[(i * 4 + p) * r + j]`, for
 * `n >= 3` increasing points (not both ends "not-a-knot" with `n == 3`); null if a pivot is not
 * positive.
 */
export function tridiagonalSpline(
  x: Float64Array,
  y: Float64Array,
  r: number,
  start: EndBC,
  end: EndBC,
): Float64Array | null {
  if (r === 1) return tridiagonalSpline1(x, y, start, end);
  const n = x.length;
  const e = n - 1;
  const w = 4 * r;
  const cf = new Float64Array(e * w);
  // slots of interval i: p = 0 the eliminated right-hand side over the pivot, p = 1 the secant
  // slope, p = 2 (column 0) 1 / dx[i], p = 3 (column 0) the superdiagonal over the pivot
  const dx0 = x[1] - x[0];
  const dx1 = x[2] - x[1];
  for (let i = 0; i < 2; i++) {
    const h = i === 0 ? dx0 : dx1;
    for (let j = 0; j < r; j++) cf[i * w + r + j] = (y[(i + 1) * r + j] - y[i * r + j]) / h;
  }
  // row 0: pivot d, superdiagonal du0, right-hand side in slot 0
  let d: number;
  let du0: number;
  if (start === "not-a-knot") {
    const span = x[2] - x[0];
    d = dx1;
    du0 = span;
    for (let j = 0; j < r; j++)
      cf[j] = ((dx0 + 2 * span) * dx1 * cf[r + j] + dx0 * dx0 * cf[w + r + j]) / span;
  } else if (typeof start === "object" && start.order === 1) {
    d = 1;
    du0 = 0;
    for (let j = 0; j < r; j++) cf[j] = start.value[j];
  } else if (typeof start === "object") {
    d = 2 * dx0;
    du0 = dx0;
    for (let j = 0; j < r; j++) cf[j] = -0.5 * start.value[j] * dx0 * dx0 + 3 * (y[r + j] - y[j]);
  } else return null;
  if (!(d > 0)) return null;
  let inv = 1 / d;
  const bPrev = new Float64Array(r); // the previous row's eliminated right-hand side
  for (let j = 0; j < r; j++) {
    bPrev[j] = cf[j];
    cf[j] *= inv;
  }
  cf[2 * r] = 1 / dx0;
  cf[3 * r] = du0 * inv;
  let du = du0;
  let hPrev = dx0;
  for (let i = 1; i < e; i++) {
    const h = x[i + 1] - x[i];
    const base = i * w;
    if (i > 1) {
      for (let j = 0; j < r; j++) cf[base + r + j] = (y[(i + 1) * r + j] - y[i * r + j]) / h;
    }
    // row i: h, 2 (hPrev + h), hPrev
    d = 2 * (hPrev + h) - (h * du) / d;
    if (!(d > 0)) return null;
    const fact = h * inv;
    inv = 1 / d;
    const prev = base - w;
    for (let j = 0; j < r; j++) {
      const b = 3 * (h * cf[prev + r + j] + hPrev * cf[base + r + j]) - fact * bPrev[j];
      bPrev[j] = b;
      cf[base + j] = b * inv;
    }
    cf[base + 2 * r] = 1 / h;
    cf[base + 3 * r] = hPrev * inv;
    du = hPrev;
    hPrev = h;
  }
  // row e: dl at column e - 1, de on the diagonal, right-hand side into last
  let dl: number;
  let de: number;
  const last = new Float64Array(r);
  const lastSlope = (e - 1) * w + r;
  if (end === "not-a-knot") {
    const span = x[e] - x[e - 2];
    const h2 = x[e - 1] - x[e - 2];
    dl = span;
    de = h2;
    for (let j = 0; j < r; j++)
      last[j] =
        (hPrev * hPrev * cf[lastSlope - w + j] + (2 * span + hPrev) * h2 * cf[lastSlope + j]) /
        span;
  } else if (typeof end === "object" && end.order === 1) {
    dl = 0;
    de = 1;
    for (let j = 0; j < r; j++) last[j] = end.value[j];
  } else if (typeof end === "object") {
    dl = hPrev;
    de = 2 * hPrev;
    for (let j = 0; j < r; j++)
      last[j] = 0.5 * end.value[j] * hPrev * hPrev + 3 * (y[e * r + j] - y[(e - 1) * r + j]);
  } else return null;
  de -= (dl * du) / d;
  if (!(de > 0)) return null;
  const fact = dl * inv;
  for (let j = 0; j < r; j++) last[j] = (last[j] - fact * bPrev[j]) / de;
  // backward: last holds the slopes at x[i + 1]
  for (let i = e - 1; i >= 0; i--) {
    const base = i * w;
    const g = cf[base + 3 * r];
    const ih = cf[base + 2 * r];
    for (let j = 0; j < r; j++) {
      const s1 = last[j];
      const s0 = cf[base + j] - g * s1;
      const slope = cf[base + r + j];
      const t = (s0 + s1 - 2 * slope) * ih;
      cf[base + j] = t * ih;
      cf[base + r + j] = (slope - s0) * ih - t;
      cf[base + 2 * r + j] = s0;
      cf[base + 3 * r + j] = y[i * r + j];
      last[j] = s0;
    }
  }
  return cf;
}

/** {@link tridiagonalSpline} for one column of values, the common case, without inner loops. */
function tridiagonalSpline1(
  x: Float64Array,
  y: Float64Array,
  start: EndBC,
  end: EndBC,
): Float64Array | null {
  const n = x.length;
  const e = n - 1;
  const cf = new Float64Array(e * 4);
  const dx0 = x[1] - x[0];
  const dx1 = x[2] - x[1];
  const m0 = (y[1] - y[0]) / dx0;
  const m1 = (y[2] - y[1]) / dx1;
  let d: number;
  let du0: number;
  let b: number;
  if (start === "not-a-knot") {
    const span = x[2] - x[0];
    d = dx1;
    du0 = span;
    b = ((dx0 + 2 * span) * dx1 * m0 + dx0 * dx0 * m1) / span;
  } else if (typeof start === "object" && start.order === 1) {
    d = 1;
    du0 = 0;
    b = start.value[0];
  } else if (typeof start === "object") {
    d = 2 * dx0;
    du0 = dx0;
    b = -0.5 * start.value[0] * dx0 * dx0 + 3 * (y[1] - y[0]);
  } else return null;
  if (!(d > 0)) return null;
  let inv = 1 / d;
  cf[0] = b * inv;
  cf[1] = m0;
  cf[2] = 1 / dx0;
  cf[3] = du0 * inv;
  let du = du0;
  let hPrev = dx0;
  let mPrev = m0;
  let xi = x[1];
  let yi = y[1];
  for (let i = 1; i < e; i++) {
    const x1 = x[i + 1];
    const y1 = y[i + 1];
    const h = x1 - xi;
    const m = (y1 - yi) / h;
    d = 2 * (hPrev + h) - (h * du) / d;
    if (!(d > 0)) return null;
    b = 3 * (h * mPrev + hPrev * m) - h * inv * b;
    inv = 1 / d;
    const base = i << 2;
    cf[base] = b * inv;
    cf[base + 1] = m;
    cf[base + 2] = 1 / h;
    cf[base + 3] = hPrev * inv;
    du = hPrev;
    hPrev = h;
    mPrev = m;
    xi = x1;
    yi = y1;
  }
  let dl: number;
  let de: number;
  let be: number;
  if (end === "not-a-knot") {
    const span = x[e] - x[e - 2];
    const h2 = x[e - 1] - x[e - 2];
    const m2 = (y[e - 1] - y[e - 2]) / h2;
    dl = span;
    de = h2;
    be = (hPrev * hPrev * m2 + (2 * span + hPrev) * h2 * mPrev) / span;
  } else if (typeof end === "object" && end.order === 1) {
    dl = 0;
    de = 1;
    be = end.value[0];
  } else if (typeof end === "object") {
    dl = hPrev;
    de = 2 * hPrev;
    be = 0.5 * end.value[0] * hPrev * hPrev + 3 * (y[e] - y[e - 1]);
  } else return null;
  de -= (dl * du) / d;
  if (!(de > 0)) return null;
  let s1 = (be - dl * inv * b) / de;
  for (let i = e - 1; i >= 0; i--) {
    const base = i << 2;
    const s0 = cf[base] - cf[base + 3] * s1;
    const slope = cf[base + 1];
    const ih = cf[base + 2];
    const t = (s0 + s1 - 2 * slope) * ih;
    cf[base] = t * ih;
    cf[base + 1] = (slope - s0) * ih - t;
    cf[base + 2] = s0;
    cf[base + 3] = y[i];
    s1 = s0;
  }
  return cf;
}
