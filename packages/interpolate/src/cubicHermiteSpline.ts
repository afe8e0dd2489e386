import { type ArrayLike, checkOptions, type NDArray, typeError } from "@nabla/ndarray";
import { hermiteCoefficients, prepareInput } from "./internal/prepare.js";
import { checkExtrapolate, type Extrapolate, PPoly, PPolyData } from "./ppoly.js";

/** Options of the cubic interpolants' constructors. */
export interface CubicOptions {
  /** Axis of `y` along which `x` runs. Default 0. */
  axis?: number;
  /** Default true (CubicSpline: "periodic" for a periodic spline; Akima: false). */
  extrapolate?: Extrapolate | null;
}

/**
 * The piecewise-cubic Hermite interpolant with given values `y` and slopes `dydx` at `x` (scipy's
 * `CubicHermiteSpline`), C1-smooth. A {@link PPoly}: callable, with `derivative`, `integrate`,
 * `solve`.
 * @example
 * const h = new CubicHermiteSpline([0, 1], [0, 1], [0, 3]); // x^3 on [0, 1]
 * h(0.5); // 0.125
 */
export class CubicHermiteSpline<V extends number | NDArray = number> extends PPoly<V> {
  constructor(x: ArrayLike, y: ArrayLike, dydx: ArrayLike, options?: CubicOptions);
  /** @internal from already built coefficients */
  constructor(data: PPolyData);
  constructor(x: ArrayLike | PPolyData, y?: ArrayLike, dydx?: ArrayLike, options?: CubicOptions) {
    if (x instanceof PPolyData) {
      super(x);
      return;
    }
    const fn = "CubicHermiteSpline";
    checkOptions(fn, options, ["axis", "extrapolate"]);
    if (y === undefined || dydx === undefined) {
      throw typeError(`${fn}: expected x, y and dydx, as new CubicHermiteSpline(x, y, dydx).`);
    }
    const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? true);
    const prep = prepareInput(fn, x, y, options?.axis ?? 0, dydx);
    const { r, trailing, axis } = prep.y;
    const cf = hermiteCoefficients(prep.x, prep.y.data, prep.dydx!.data, r);
    super(new PPolyData(prep.x, cf, 4, r, trailing, extrapolate, axis));
  }
}
