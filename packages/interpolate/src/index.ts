/**
 * @nabla/interpolate: scipy.interpolate in TypeScript — interp1d, CubicSpline, PCHIP, Akima,
 * B-splines and piecewise polynomials, on @nabla/ndarray.
 * @packageDocumentation
 */

export { Akima1DInterpolator, type AkimaOptions } from "./akima1DInterpolator.js";
export { BSpline, type BSplineOptions } from "./bspline.js";
export { CubicHermiteSpline, type CubicOptions } from "./cubicHermiteSpline.js";
export {
  CubicSpline,
  type CubicSplineBC,
  type CubicSplineEndCondition,
  type CubicSplineOptions,
} from "./cubicSpline.js";
export {
  type FillValue,
  Interp1d,
  type Interp1dKind,
  type Interp1dOptions,
  interp1d,
} from "./interp1d.js";
export {
  type MakeInterpSplineOptions,
  makeInterpSpline,
  type SplineBC,
  type SplineEndCondition,
} from "./makeInterpSpline.js";
export { PchipInterpolator } from "./pchipInterpolator.js";
export {
  type EvaluateOptions,
  type Extrapolate,
  type IntegrateOptions,
  PPoly,
  type PPolyOptions,
  type SolveOptions,
} from "./ppoly.js";
