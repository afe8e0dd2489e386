// The general path of the cubic spline build: the slopes from scipy's linear systems, solved with
// partial pivoting as LAPACK does. It serves what the two sweeps of splineBuild.ts do not: two
// points (a 2x2 system, where a first-derivative end beside a long interval makes gbsv/gtsv
// exchange rows), scipy's special cases for three points, "periodic" (a cyclic system), and the
// rare systems the sweeps decline (spacings so wide that products of two overflow).

import { BandMatrix, solveBanded } from "./banded.js";
import { type EndBC, endRhs, endRow } from "./splineEnds.js";

/**
 * The slopes at the knots (n rows of r), from scipy's tridiagonal (or cyclic) system. `block`
 * holds the temporaries, at least `n * (2r + 5)` doubles; the result may live in it.
 */
export function splineSlopes(
  x: Float64Array,
  y: Float64Array,
  r: number,
  bc: [EndBC, EndBC],
  block: Float64Array,
): Float64Array {
  const n = x.length;
  const s = block.subarray(0, n * r).fill(0);
  const dx = block.subarray(n * r, n * r + n - 1);
  for (let i = 0; i < n - 1; i++) dx[i] = x[i + 1] - x[i];
  const slope = block.subarray(n * r + n, n * r + n + (n - 1) * r);
  const band = block.subarray(n * r + n + n * r);
  for (let i = 0; i < n - 1; i++) {
    for (let j = 0; j < r; j++) slope[i * r + j] = (y[(i + 1) * r + j] - y[i * r + j]) / dx[i];
  }
  let [start, end] = bc;
  if (n === 2) {
    // a straight line: both ends take the secant slope
    const line = { order: 1 as const, value: slope.slice(0, r) };
    if (start === "not-a-knot" || start === "periodic") start = line;
    if (end === "not-a-knot" || end === "periodic") end = line;
  }
  if (n === 3 && start === "not-a-knot" && end === "not-a-knot") {
    // one parabola through the three points
    const a = new BandMatrix(3, 2, 2);
    a.set(0, 0, 1);
    a.set(0, 1, 1);
    a.set(1, 0, dx[1]);
    a.set(1, 1, 2 * (dx[0] + dx[1]));
    a.set(1, 2, dx[0]);
    a.set(2, 1, 1);
    a.set(2, 2, 1);
    for (let j = 0; j < r; j++) {
      s[j] = 2 * slope[j];
      s[r + j] = 3 * (dx[0] * slope[r + j] + dx[1] * slope[j]);
      s[2 * r + j] = 2 * slope[r + j];
    }
    solveBanded(a, s, r);
    return s;
  }
  if (n === 3 && start === "periodic") {
    for (let j = 0; j < r; j++) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < 2; i++) {
        num += slope[i * r + j] / dx[i];
        den += 1 / dx[i];
      }
      for (let i = 0; i < 3; i++) s[i * r + j] = num / den;
    }
    return s;
  }
  if (start === "periodic" || end === "periodic") return periodicSlopes(dx, slope, r);
  const a = new BandMatrix(n, 1, 1, band);
  for (let i = 1; i < n - 1; i++) {
    a.set(i, i - 1, dx[i]);
    a.set(i, i, 2 * (dx[i - 1] + dx[i]));
    a.set(i, i + 1, dx[i - 1]);
    for (let j = 0; j < r; j++)
      s[i * r + j] = 3 * (dx[i] * slope[(i - 1) * r + j] + dx[i - 1] * slope[i * r + j]);
  }
  const e = n - 1;
  const first = endRow(start, x, false);
  a.set(0, 0, first.diag);
  a.set(0, 1, first.beside);
  for (let j = 0; j < r; j++) s[j] = endRhs(start, x, y, r, j, false);
  const final = endRow(end, x, true);
  a.set(e, e, final.diag);
  a.set(e, e - 1, final.beside);
  for (let j = 0; j < r; j++) s[e * r + j] = endRhs(end, x, y, r, j, true);
  solveBanded(a, s, r);
  return s;
}

/**
 * Periodic slopes: s[n-1] = s[0], leaving a cyclic tridiagonal system in s[0..n-2]. Its last
 * unknown is eliminated by solving the leading block for two right-hand sides.
 */
function periodicSlopes(dx: Float64Array, slope: Float64Array, r: number): Float64Array {
  const M = dx.length; // unknowns s[0..M-1], n = M + 1
  const n = M + 1;
  const b = new Float64Array(M * r);
  for (let i = 1; i < M; i++) {
    for (let j = 0; j < r; j++)
      b[i * r + j] = 3 * (dx[i] * slope[(i - 1) * r + j] + dx[i - 1] * slope[i * r + j]);
  }
  for (let j = 0; j < r; j++) b[j] = 3 * (dx[0] * slope[(M - 1) * r + j] + dx[M - 1] * slope[j]);
  const K = M - 1; // the leading block
  const a = new BandMatrix(K, 1, 1);
  for (let i = 0; i < K; i++) {
    a.set(i, i, i === 0 ? 2 * (dx[M - 1] + dx[0]) : 2 * (dx[i - 1] + dx[i]));
    if (i > 0) a.set(i, i - 1, dx[i]);
    if (i + 1 < K) a.set(i, i + 1, i === 0 ? dx[M - 1] : dx[i - 1]);
  }
  // columns 0..r-1: b1 = b[0..K-1]; columns r..2r-1: b2 = -(coupling to the last unknown)
  const rhs = new Float64Array(K * 2 * r);
  for (let i = 0; i < K; i++) for (let j = 0; j < r; j++) rhs[i * 2 * r + j] = b[i * r + j];
  for (let j = 0; j < r; j++) {
    rhs[r + j] = -dx[0];
    rhs[(K - 1) * 2 * r + r + j] = -dx[M - 3];
  }
  solveBanded(a, rhs, 2 * r);
  const s = new Float64Array(n * r);
  const aLast0 = dx[M - 2];
  const aLastPrev = dx[M - 1];
  const aLastLast = 2 * (dx[M - 1] + dx[M - 2]);
  for (let j = 0; j < r; j++) {
    const s1first = rhs[j];
    const s1last = rhs[(K - 1) * 2 * r + j];
    const s2first = rhs[r + j];
    const s2last = rhs[(K - 1) * 2 * r + r + j];
    const sm =
      (b[(M - 1) * r + j] - aLast0 * s1first - aLastPrev * s1last) /
      (aLastLast + aLast0 * s2first + aLastPrev * s2last);
    for (let i = 0; i < K; i++) s[i * r + j] = rhs[i * 2 * r + j] + sm * rhs[i * 2 * r + r + j];
    s[(M - 1) * r + j] = sm;
    s[M * r + j] = s[j];
  }
  return s;
}
