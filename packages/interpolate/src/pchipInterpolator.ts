import { type ArrayLike, checkOptions, type NDArray, typeError } from "@nabla/ndarray";
import { CubicHermiteSpline, type CubicOptions } from "./cubicHermiteSpline.js";
import { hermiteCoefficients, prepareInput } from "./internal/prepare.js";
import { checkExtrapolate, PPolyData } from "./ppoly.js";

/**
 * The shape-preserving piecewise-cubic interpolant (scipy's `PchipInterpolator`, Fritsch-Butland
 * slopes): monotone where the data are monotone, no overshoot at extrema. A {@link PPoly}.
 * @example
 * const p = new PchipInterpolator([0, 1, 2, 3], [0, 1, 1, 2]);
 * p([0.5, 1.5, 2.5]); // array([0.6875, 1.    , 1.3125])
 */
export class PchipInterpolator<V extends number | NDArray = number> extends CubicHermiteSpline<V> {
  constructor(x: ArrayLike, y: ArrayLike, options?: CubicOptions) {
    const fn = "PchipInterpolator";
    checkOptions(fn, options, ["axis", "extrapolate"]);
    if (y === undefined)
      throw typeError(`${fn}: expected x and y, as new PchipInterpolator(x, y, options).`);
    const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? true);
    const prep = prepareInput(fn, x, y, options?.axis ?? 0);
    const { data, r, trailing, axis } = prep.y;
    const d = pchipSlopes(prep.x, data, r);
    super(
      new PPolyData(
        prep.x,
        hermiteCoefficients(prep.x, data, d, r),
        4,
        r,
        trailing,
        extrapolate,
        axis,
      ),
    );
  }
}

function sign(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : v;
}

/** The end slope: a three-point estimate, limited to keep the end monotone. */
function edge(h0: number, h1: number, m0: number, m1: number): number {
  const d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
  if (sign(d) !== sign(m0)) return 0;
  if (sign(m0) !== sign(m1) && Math.abs(d) > 3 * Math.abs(m0)) return 3 * m0;
  return d;
}

function pchipSlopes(x: Float64Array, y: Float64Array, r: number): Float64Array {
  const n = x.length;
  const d = new Float64Array(n * r);
  const h = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) h[i] = x[i + 1] - x[i];
  const m = new Float64Array((n - 1) * r);
  for (let i = 0; i < n - 1; i++) {
    for (let j = 0; j < r; j++) m[i * r + j] = (y[(i + 1) * r + j] - y[i * r + j]) / h[i];
  }
  if (n === 2) {
    for (let j = 0; j < r; j++) d[j] = d[r + j] = m[j];
    return d;
  }
  for (let i = 1; i < n - 1; i++) {
    const w1 = 2 * h[i] + h[i - 1];
    const w2 = h[i] + 2 * h[i - 1];
    for (let j = 0; j < r; j++) {
      const a = m[(i - 1) * r + j];
      const b = m[i * r + j];
      // zero slope at a local extremum or a flat neighbour; else the weighted harmonic mean
      if (sign(a) !== sign(b) || a === 0 || b === 0) d[i * r + j] = 0;
      else d[i * r + j] = 1 / ((w1 / a + w2 / b) / (w1 + w2));
    }
  }
  for (let j = 0; j < r; j++) {
    d[j] = edge(h[0], h[1], m[j], m[r + j]);
    d[(n - 1) * r + j] = edge(h[n - 2], h[n - 3], m[(n - 2) * r + j], m[(n - 3) * r + j]);
  }
  return d;
}
