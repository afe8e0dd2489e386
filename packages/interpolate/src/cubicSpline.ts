import {
  type ArrayLike,
  checkOptions,
  type NDArray,
  rangeError,
  ShapeError,
  typeError,
} from "@nabla/ndarray";
import type { CubicOptions } from "./cubicHermiteSpline.js";
import { CubicHermiteSpline } from "./cubicHermiteSpline.js";
import { BandMatrix, solveBanded } from "./internal/banded.js";
import { pyShape, toArray } from "./internal/input.js";
import { hermiteCoefficients, prepareInput } from "./internal/prepare.js";
import { withScratch } from "./internal/scratch.js";
import { tridiagonalSpline } from "./internal/splineBuild.js";
import { checkExtrapolate, type Extrapolate, PPolyData } from "./ppoly.js";

/** A condition at one end: a name, or `[order, value]` for a given first or second derivative. */
export type CubicSplineEndCondition =
  | "not-a-knot"
  | "natural"
  | "clamped"
  | readonly [1 | 2, ArrayLike];

/** `bcType` of {@link CubicSpline}: one name for both ends, or `[start, end]`. */
export type CubicSplineBC =
  | "not-a-knot"
  | "natural"
  | "clamped"
  | "periodic"
  | readonly [CubicSplineEndCondition, CubicSplineEndCondition];

/** Options of {@link CubicSpline}. */
export interface CubicSplineOptions extends CubicOptions {
  /** End conditions, default "not-a-knot". */
  bcType?: CubicSplineBC;
}

/** @internal a validated end condition */
export type EndBC = "not-a-knot" | "periodic" | { order: 1 | 2; value: Float64Array };

/**
 * The C2 cubic spline through `(x, y)` (scipy's `CubicSpline`), with end conditions `bcType`:
 * "not-a-knot" (default; the third derivative is continuous at the second and next-to-last
 * points), "natural" (zero second derivative), "clamped" (zero slope), "periodic", or
 * `[start, end]` with `[order, value]` pairs such as `[[1, 0.5], [2, -1]]`. A {@link PPoly}.
 * `extrapolate` defaults to true ("periodic" with the periodic condition).
 * @example
 * const cs = new CubicSpline([0, 1, 2, 3, 4], [0, 1, 8, 27, 64]);
 * cs(2.5);                          // 15.625
 * cs(2.5, 1);                       // 18.75, the first derivative
 * cs.derivative(2)([1, 2]);         // array([ 6., 12.])
 * cs.integrate(0, 4);               // 64
 */
export class CubicSpline<V extends number | NDArray = number> extends CubicHermiteSpline<V> {
  constructor(x: ArrayLike, y: ArrayLike, options?: CubicSplineOptions) {
    const fn = "CubicSpline";
    checkOptions(fn, options, ["axis", "bcType", "extrapolate"]);
    if (y === undefined)
      throw typeError(`${fn}: expected x and y, as new CubicSpline(x, y, options).`);
    const prep = prepareInput(fn, x, y, options?.axis ?? 0);
    const { data, r, trailing, axis } = prep.y;
    const bc = validateBC(fn, options?.bcType ?? "not-a-knot", data, prep.y.n, r, trailing, axis);
    const extrapolate: Extrapolate = checkExtrapolate(
      fn,
      options?.extrapolate ?? (bc[0] === "periodic" ? "periodic" : true),
    );
    const cf = splineCoefficients(prep.x, data, r, bc);
    super(new PPolyData(prep.x, cf, 4, r, trailing, extrapolate, axis));
  }
}

function validateBC(
  fn: string,
  bcType: unknown,
  y: Float64Array,
  n: number,
  r: number,
  trailing: number[],
  axis: number,
): [EndBC, EndBC] {
  let pair: readonly unknown[];
  if (typeof bcType === "string") {
    if (bcType === "periodic") {
      for (let j = 0; j < r; j++) {
        const a = y[j];
        const b = y[(n - 1) * r + j];
        if (!(Math.abs(a - b) <= 1e-15 + 1e-15 * Math.abs(b))) {
          throw rangeError(
            `${fn}: The first and last \`y\` point along axis ${axis} must be identical (within machine precision) when bc_type='periodic'; got ${a} and ${b}.`,
          );
        }
      }
    }
    pair = [bcType, bcType];
  } else if (Array.isArray(bcType)) {
    if (bcType.length !== 2)
      throw rangeError(
        `${fn}: \`bc_type\` must contain 2 elements to specify start and end conditions, got ${bcType.length}.`,
      );
    if (bcType.includes("periodic")) {
      throw rangeError(
        `${fn}: 'periodic' \`bc_type\` is defined for both curve ends and cannot be used with other boundary conditions.`,
      );
    }
    pair = bcType;
  } else {
    throw rangeError(
      `${fn}: bcType must be "not-a-knot", "natural", "clamped", "periodic" or [start, end], got ${JSON.stringify(bcType)}.`,
    );
  }
  return pair.map((bc): EndBC => {
    if (typeof bc === "string") {
      if (bc === "clamped") return { order: 1, value: new Float64Array(r) };
      if (bc === "natural") return { order: 2, value: new Float64Array(r) };
      if (bc === "not-a-knot" || bc === "periodic") return bc;
      throw rangeError(
        `${fn}: bc_type=${bc} is not allowed. Use "not-a-knot", "natural", "clamped", "periodic" or [order, value].`,
      );
    }
    if (!Array.isArray(bc) || bc.length !== 2) {
      throw rangeError(
        `${fn}: A specified derivative value must be given in the form (order, value), got ${JSON.stringify(bc)}.`,
      );
    }
    const [order, value] = bc;
    if (order !== 1 && order !== 2)
      throw rangeError(
        `${fn}: The specified derivative order must be 1 or 2, got ${JSON.stringify(order)}.`,
      );
    const v = toArray(fn, "bcType value", value);
    if (v.shape.length !== trailing.length || v.shape.some((d, i) => d !== trailing[i])) {
      throw new ShapeError(
        `${fn}: \`deriv_value\` shape ${pyShape(v.shape)} is not the expected one ${pyShape(trailing)}.`,
      );
    }
    return { order, value: Float64Array.from(v.toTypedArray()) };
  }) as [EndBC, EndBC];
}

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
  // "periodic" is cyclic, not tridiagonal: straight to the general path, without the two-sweep
  // build allocating a coefficient array only to decline
  if (
    start !== "periodic" &&
    (n >= 4 || (n === 3 && !(start === "not-a-knot" && end === "not-a-knot")))
  ) {
    const cf = tridiagonalSpline(x, y, r, start, end);
    if (cf) return cf;
  }
  return withScratch(n * (2 * r + 5), (block) =>
    hermiteCoefficients(x, y, splineSlopes(x, y, r, bc, block), r),
  );
}

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
  if (start === "periodic") return periodicSlopes(dx, slope, r);
  const a = new BandMatrix(n, 1, 1, band);
  for (let i = 1; i < n - 1; i++) {
    a.set(i, i - 1, dx[i]);
    a.set(i, i, 2 * (dx[i - 1] + dx[i]));
    a.set(i, i + 1, dx[i - 1]);
    for (let j = 0; j < r; j++)
      s[i * r + j] = 3 * (dx[i] * slope[(i - 1) * r + j] + dx[i - 1] * slope[i * r + j]);
  }
  if (start === "not-a-knot") {
    const d = x[2] - x[0];
    a.set(0, 0, dx[1]);
    a.set(0, 1, d);
    for (let j = 0; j < r; j++)
      s[j] = ((dx[0] + 2 * d) * dx[1] * slope[j] + dx[0] * dx[0] * slope[r + j]) / d;
  } else if (typeof start === "object" && start.order === 1) {
    a.set(0, 0, 1);
    for (let j = 0; j < r; j++) s[j] = start.value[j];
  } else if (typeof start === "object") {
    a.set(0, 0, 2 * dx[0]);
    a.set(0, 1, dx[0]);
    for (let j = 0; j < r; j++)
      s[j] = -0.5 * start.value[j] * dx[0] * dx[0] + 3 * (y[r + j] - y[j]);
  }
  const e = n - 1;
  if (end === "not-a-knot") {
    const d = x[e] - x[e - 2];
    a.set(e, e, dx[e - 2]);
    a.set(e, e - 1, d);
    for (let j = 0; j < r; j++) {
      s[e * r + j] =
        (dx[e - 1] * dx[e - 1] * slope[(e - 2) * r + j] +
          (2 * d + dx[e - 1]) * dx[e - 2] * slope[(e - 1) * r + j]) /
        d;
    }
  } else if (typeof end === "object" && end.order === 1) {
    a.set(e, e, 1);
    for (let j = 0; j < r; j++) s[e * r + j] = end.value[j];
  } else if (typeof end === "object") {
    a.set(e, e, 2 * dx[e - 1]);
    a.set(e, e - 1, dx[e - 1]);
    for (let j = 0; j < r; j++)
      s[e * r + j] =
        0.5 * end.value[j] * dx[e - 1] * dx[e - 1] + 3 * (y[e * r + j] - y[(e - 1) * r + j]);
  }
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
