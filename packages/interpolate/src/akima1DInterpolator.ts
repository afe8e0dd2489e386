import { type ArrayLike, checkOptions, type NDArray, rangeError, typeError } from "@nabla/ndarray";
import { CubicHermiteSpline, type CubicOptions } from "./cubicHermiteSpline.js";
import { hermiteCoefficients, prepareInput } from "./internal/prepare.js";
import { checkExtrapolate, PPolyData } from "./ppoly.js";

/** Options of {@link Akima1DInterpolator}. */
export interface AkimaOptions extends CubicOptions {
  /** "akima" (default) or "makima" (modified Akima: no overshoot on flat stretches). */
  method?: "akima" | "makima";
}

/**
 * Akima's piecewise-cubic interpolant (scipy's `Akima1DInterpolator`), slopes from locally
 * weighted secants; `method: "makima"` adds the modified weights. `extrapolate` defaults to
 * **false** (NaN outside the data), as in scipy. A {@link PPoly}.
 * @example
 * const a = new Akima1DInterpolator([0, 1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 1, 2, 2, 2, 3]);
 * a([0.5, 2.5, 4.5, 6.5]); // array([0.    , 0.4375, 2.0625, 2.3125])
 */
export class Akima1DInterpolator<
  V extends number | NDArray = number,
> extends CubicHermiteSpline<V> {
  constructor(x: ArrayLike, y: ArrayLike, options?: AkimaOptions) {
    const fn = "Akima1DInterpolator";
    checkOptions(fn, options, ["axis", "extrapolate", "method"]);
    const method = options?.method ?? "akima";
    if (method !== "akima" && method !== "makima") {
      throw rangeError(
        `${fn}: \`method\`=${String(method)} is unsupported. Use "akima" or "makima".`,
      );
    }
    if (y === undefined)
      throw typeError(`${fn}: expected x and y, as new Akima1DInterpolator(x, y, options).`);
    const prep = prepareInput(fn, x, y, options?.axis ?? 0);
    const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? false);
    const { data, r, trailing, axis } = prep.y;
    const t = akimaSlopes(prep.x, data, r, method === "makima");
    super(
      new PPolyData(
        prep.x,
        hermiteCoefficients(prep.x, data, t, r),
        4,
        r,
        trailing,
        extrapolate,
        axis,
      ),
    );
  }
}

function akimaSlopes(x: Float64Array, y: Float64Array, r: number, makima: boolean): Float64Array {
  const n = x.length;
  const t = new Float64Array(n * r);
  if (n === 2) {
    for (let j = 0; j < r; j++) t[j] = t[r + j] = (y[r + j] - y[j]) / (x[1] - x[0]);
    return t;
  }
  // secants padded with two linear extrapolations at each end: m[2 + i] is the secant on [x_i, x_i+1]
  const M = n + 3;
  const m = new Float64Array(M * r);
  for (let i = 0; i < n - 1; i++) {
    for (let j = 0; j < r; j++)
      m[(i + 2) * r + j] = (y[(i + 1) * r + j] - y[i * r + j]) / (x[i + 1] - x[i]);
  }
  for (let j = 0; j < r; j++) {
    m[r + j] = 2 * m[2 * r + j] - m[3 * r + j];
    m[j] = 2 * m[r + j] - m[2 * r + j];
    m[(M - 2) * r + j] = 2 * m[(M - 3) * r + j] - m[(M - 4) * r + j];
    m[(M - 1) * r + j] = 2 * m[(M - 2) * r + j] - m[(M - 3) * r + j];
  }
  const f1 = new Float64Array(n * r);
  const f2 = new Float64Array(n * r);
  let fmax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < r; j++) {
      const a = m[i * r + j];
      const b = m[(i + 1) * r + j];
      const c = m[(i + 2) * r + j];
      const d = m[(i + 3) * r + j];
      let w1 = Math.abs(d - c);
      let w2 = Math.abs(b - a);
      if (makima) {
        w1 += 0.5 * Math.abs(d + c);
        w2 += 0.5 * Math.abs(b + a);
      }
      f1[i * r + j] = w1;
      f2[i * r + j] = w2;
      if (w1 + w2 > fmax) fmax = w1 + w2;
    }
  }
  // where both weights vanish (collinear stretches) scipy keeps the mean of the outer secants
  const floor = 1e-9 * fmax;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < r; j++) {
      const f12 = f1[i * r + j] + f2[i * r + j];
      const b = m[(i + 1) * r + j];
      const c = m[(i + 2) * r + j];
      t[i * r + j] =
        f12 > floor
          ? b + (f2[i * r + j] / f12) * (c - b)
          : 0.5 * (m[(i + 3) * r + j] + m[i * r + j]);
    }
  }
  return t;
}
