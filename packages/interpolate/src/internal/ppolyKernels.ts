// Kernels over piecewise polynomials stored interval-major: coefficient p (highest power first)
// of interval i, column j at cf[(i * k1 + p) * r + j].

import { type BucketIndex, buildBucketIndex } from "./bucketIndex.js";
import { wrap } from "./deboor.js";
import { falling, hornerIntegral } from "./poly.js";
import { findAscending, findDescending } from "./search.js";

export interface PP {
  x: Float64Array;
  cf: Float64Array;
  k1: number;
  r: number;
  /** built on the first large evaluation (undefined: not yet; null: not useful) */
  index?: BucketIndex | null;
}

/** Evaluations with at least this many points build (and cache) the bucket index. */
const INDEX_MIN_POINTS = 256;

/**
 * Values (or `nu`-th derivatives) at `xs` into `out` as (points, r) rows. With `bounded`, a point
 * outside the breakpoints' range (NaN is not) stops the evaluation and gives false: the range
 * check costs no pass of its own over the points.
 */
export function evaluatePP(
  pp: PP,
  xs: Float64Array,
  nu: number,
  extrapolate: boolean | "periodic",
  out: Float64Array,
  bounded = false,
): boolean {
  const { x, cf, k1, r } = pp;
  const nx = x.length;
  const m = xs.length;
  const ascending = x[nx - 1] >= x[0];
  const lo = ascending ? x[0] : x[nx - 1];
  const hi = ascending ? x[nx - 1] : x[0];
  const periodic = extrapolate === "periodic";
  const ext = extrapolate === true;
  const x0 = x[0];
  const period = x[nx - 1] - x[0];
  const deg = k1 - 1;
  // derivative factors per coefficient, computed once per call
  const len = nu > deg ? 0 : k1 - nu;
  const fac = new Float64Array(Math.max(len, 1));
  for (let p = 0; p < len; p++) fac[p] = falling(deg - p, nu);
  let interval = 0;
  if (r === 1 && nu === 0 && ascending && !periodic) {
    // the common case, kept free of every branch it does not need
    if (pp.index === undefined && m >= INDEX_MIN_POINTS) pp.index = buildBucketIndex(x, nx);
    const index = m >= INDEX_MIN_POINTS ? pp.index : null;
    const start = index ? index.start : null;
    const scale = index ? index.scale : 0;
    const a = x[0];
    const b = x[nx - 1];
    // for random queries the next-interval test would be one more mispredicted branch per point
    const sequential = looksSorted(xs);
    for (let q = 0; q < m; q++) {
      const v = xs[q];
      let i = interval;
      if (!(v >= x[i] && v < x[i + 1])) {
        if (sequential && i + 2 < nx && v >= x[i + 1] && v < x[i + 2]) {
          // the next interval: what sorted queries need, from data already in cache
          i++;
        } else if (start !== null && v >= a && v < b) {
          i = start[((v - a) * scale) | 0];
          while (x[i] > v) i--;
          while (i < nx - 2 && x[i + 1] <= v) i++;
        } else {
          if (bounded && (v < lo || v > hi)) return false;
          i = findAscending(x, nx, v, interval, ext);
          if (i < 0) {
            out[q] = Number.NaN;
            continue;
          }
        }
        interval = i;
      }
      const s = v - x[i];
      if (k1 === 4) {
        const base = i << 2;
        out[q] = ((cf[base] * s + cf[base + 1]) * s + cf[base + 2]) * s + cf[base + 3];
      } else {
        const base = i * k1;
        let res = cf[base];
        for (let p = 1; p < k1; p++) res = res * s + cf[base + p];
        out[q] = res;
      }
    }
    return true;
  }
  if (bounded) {
    for (let q = 0; q < m; q++) if (xs[q] < lo || xs[q] > hi) return false;
  }
  for (let q = 0; q < m; q++) {
    let v = xs[q];
    if (periodic) v = wrap(v, x0, period);
    const i = ascending
      ? findAscending(x, nx, v, interval, ext)
      : findDescending(x, nx, v, interval, ext);
    if (i < 0) {
      for (let j = 0; j < r; j++) out[q * r + j] = Number.NaN;
      continue;
    }
    interval = i;
    const s = v - x[i];
    const base = i * k1 * r;
    for (let j = 0; j < r; j++) {
      let res = 0;
      for (let p = 0; p < len; p++) res = res * s + cf[base + p * r + j] * fac[p];
      out[q * r + j] = res;
    }
  }
  return true;
}

/** Whether queries look ascending, judged on a sample (a wrong guess costs time, not results). */
function looksSorted(xs: Float64Array): boolean {
  const m = xs.length;
  if (m < 2) return false;
  const step = Math.max(1, Math.floor(m / 64));
  for (let k = step; k < m; k += step) if (!(xs[k] >= xs[k - step])) return false;
  const head = Math.min(m, 64);
  for (let k = 1; k < head; k++) if (!(xs[k] >= xs[k - 1])) return false;
  return true;
}

/** Integral over [a, b] (a <= b) into `out` (r values), NaN when an end is outside without extrapolation. */
export function integratePP(
  pp: PP,
  a: number,
  b: number,
  extrapolate: boolean,
  out: Float64Array,
): void {
  const { x, cf, k1, r } = pp;
  const nx = x.length;
  const ascending = x[nx - 1] >= x[0];
  if (!ascending) [a, b] = [b, a];
  const find = ascending ? findAscending : findDescending;
  const start = find(x, nx, a, 0, extrapolate);
  const end = find(x, nx, b, 0, extrapolate);
  if (start < 0 || end < 0) {
    out.fill(Number.NaN);
    return;
  }
  for (let j = 0; j < r; j++) {
    let total = 0;
    // walk from the start interval toward the end one (either direction for descending x)
    const step = end >= start ? 1 : -1;
    for (let i = start; ; i += step) {
      const off = i * k1 * r + j;
      const vb = hornerIntegral(cf, off, r, k1, (i === end ? b : x[i + 1]) - x[i]);
      const va = i === start ? hornerIntegral(cf, off, r, k1, a - x[i]) : 0;
      total += vb - va;
      if (i === end) break;
    }
    out[j] = ascending ? total : -total;
  }
}
