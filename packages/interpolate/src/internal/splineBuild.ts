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
// produces one only when spacings are so wide, beyond about 1e154, that products of two overflow)
// returns null, and the caller takes the general, pivoting path (splineSlopes.ts).
//
// No temporaries: the forward sweep parks what the backward sweep needs in the four slots of each
// interval of the coefficient array: the eliminated right-hand side and the superdiagonal, both
// divided by the pivot, the secant slope and 1 / dx. The backward sweep then overwrites them,
// interval by interval, with the Hermite coefficients (scipy's formulas, with the divisions by dx
// as products). The sweeps are latency-bound recurrences, so the only division left on either
// chain is the one of the pivots' continued fraction, d[i] = a[i] - (dl * du) / d[i-1].

import { hermiteCoefficients } from "./prepare.js";
import { withScratch } from "./scratch.js";
import { type EndBC, endRhs, endRow, type RowBC } from "./splineEnds.js";
import { splineSlopes } from "./splineSlopes.js";

/**
 * The spline's PPoly coefficients, interval-major `cf[(i * 4 + p) * r + j]` (a fresh array), for
 * validated increasing `x` and `y` as n rows of r. One code path for CubicSpline and interp1d.
 */
export function splineCoefficients(
  x: Float64Array,
  y: Float64Array,
  r: number,
  bc: [EndBC, EndBC],
): Float64Array {
  const n = x.length;
  const [start, end] = bc;
  // tridiagonalSpline declines "periodic" (cyclic, not tridiagonal) before allocating
  if (n >= 4 || (n === 3 && !(start === "not-a-knot" && end === "not-a-knot"))) {
    const cf = tridiagonalSpline(x, y, r, start, end);
    if (cf) return cf;
  }
  return withScratch(n * (2 * r + 5), (block) =>
    hermiteCoefficients(x, y, splineSlopes(x, y, r, bc, block), r),
  );
}

/**
 * The not-periodic cubic spline's coefficients, interval-major `cf[(i * 4 + p) * r + j]`, for
 * `n >= 3` increasing points (not both ends "not-a-knot" with `n == 3`); null for "periodic" or
 * if a pivot is not positive.
 */
export function tridiagonalSpline(
  x: Float64Array,
  y: Float64Array,
  r: number,
  start: EndBC,
  end: EndBC,
): Float64Array | null {
  if (start === "periodic" || end === "periodic") return null;
  if (r === 1) return tridiagonalSpline1(x, y, start, end);
  const n = x.length;
  const e = n - 1;
  const w = 4 * r;
  const cf = new Float64Array(e * w);
  // slots of interval i: p = 0 the eliminated right-hand side over the pivot, p = 1 the secant
  // slope, p = 2 (column 0) 1 / dx[i], p = 3 (column 0) the superdiagonal over the pivot
  const dx0 = x[1] - x[0];
  for (let j = 0; j < r; j++) cf[r + j] = (y[r + j] - y[j]) / dx0;
  // row 0: pivot d, superdiagonal du
  const first = endRow(start, x, false);
  let d = first.diag;
  if (!(d > 0)) return null;
  let inv = 1 / d;
  const bPrev = new Float64Array(r); // the previous row's eliminated right-hand side
  for (let j = 0; j < r; j++) {
    const b = endRhs(start, x, y, r, j, false);
    bPrev[j] = b;
    cf[j] = b * inv;
  }
  cf[2 * r] = 1 / dx0;
  cf[3 * r] = first.beside * inv;
  let du = first.beside;
  let hPrev = dx0;
  for (let i = 1; i < e; i++) {
    const h = x[i + 1] - x[i];
    const base = i * w;
    for (let j = 0; j < r; j++) cf[base + r + j] = (y[(i + 1) * r + j] - y[i * r + j]) / h;
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
  // row e: its entry at column e - 1 eliminated, then the right-hand side solved into last
  const final = endRow(end, x, true);
  const de = final.diag - (final.beside * du) / d;
  if (!(de > 0)) return null;
  const fact = final.beside * inv;
  const last = new Float64Array(r);
  for (let j = 0; j < r; j++) last[j] = (endRhs(end, x, y, r, j, true) - fact * bPrev[j]) / de;
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
  start: RowBC,
  end: RowBC,
): Float64Array | null {
  const n = x.length;
  const e = n - 1;
  const cf = new Float64Array(e * 4);
  const dx0 = x[1] - x[0];
  const m0 = (y[1] - y[0]) / dx0;
  const first = endRow(start, x, false);
  let d = first.diag;
  if (!(d > 0)) return null;
  let b = endRhs(start, x, y, 1, 0, false);
  let inv = 1 / d;
  cf[0] = b * inv;
  cf[1] = m0;
  cf[2] = 1 / dx0;
  cf[3] = first.beside * inv;
  let du = first.beside;
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
  const final = endRow(end, x, true);
  const de = final.diag - (final.beside * du) / d;
  if (!(de > 0)) return null;
  let s1 = (endRhs(end, x, y, 1, 0, true) - final.beside * inv * b) / de;
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
