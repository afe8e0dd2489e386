/**
 * @nabla/ndarray: n-dimensional typed arrays with numpy's semantics, the shared core of nabla.
 * @packageDocumentation
 */

// core
export { NDArray, type ArrayLike, type NestedArray, type SliceSpec } from "./ndarray.js";
export { type DType, type TypedArray, promote } from "./dtype.js";
export { NablaError, ShapeError, DTypeError, LinAlgError } from "./errors.js";

// creation
export {
  array,
  asarray,
  zeros,
  ones,
  full,
  empty,
  zerosLike,
  onesLike,
  fullLike,
  eye,
  identity,
  arange,
  linspace,
  logspace,
  type DTypeOptions,
  type EyeOptions,
  type LinspaceOptions,
  type LogspaceOptions,
} from "./creation.js";

// ufuncs
export { add, subtract, multiply, divide, power, mod, maximum, minimum, arctan2, hypot, clip, square } from "./arithmetic.js";
export {
  sqrt, exp, expm1, log, log1p, log2, log10, sin, cos, tan, arcsin, arccos, arctan,
  sinh, cosh, tanh, arcsinh, arccosh, arctanh, floor, ceil, trunc, rint,
} from "./math.js";
export { negative, abs, sign, round } from "./sign.js";
export {
  equal, notEqual, less, lessEqual, greater, greaterEqual,
  logicalAnd, logicalOr, logicalXor, logicalNot, isnan, isinf, isfinite,
} from "./compare.js";

// reductions, cumulative and differences
export {
  sum, prod, mean, var_, var_ as var, std, min, max, argmin, argmax, any, all,
  type Axis, type ReduceOptions, type SumOptions, type VarOptions, type ArgOptions, type ReduceResult,
} from "./reduce.js";
export { cumsum, cumprod, type CumulativeOptions } from "./cumulative.js";
export { diff, type DiffOptions } from "./diff.js";
export {
  nansum, nanprod, nanmean, nanvar, nanstd, nanmin, nanmax, nanargmin, nanargmax,
} from "./nanreduce.js";
export {
  sort, argsort, searchsorted, unique,
  type SortOptions, type SearchsortedOptions, type UniqueOptions, type UniqueResult,
} from "./sort.js";
export { quantile, percentile, median, type QuantileOptions } from "./quantile.js";
export { average, ptp, countNonzero, type AverageOptions } from "./average.js";
export { flip, roll, tile, repeat } from "./rearrange.js";

// indexing, joining, diagonals, comparisons of whole arrays
export {
  take, takeAlongAxis, booleanMask, compress, extract, putmask, where, nonzero, argwhere, flatnonzero,
  type TakeOptions,
} from "./indexing.js";
export {
  concatenate, stack, hstack, vstack, columnStack, meshgrid, split, arraySplit,
  type ConcatenateOptions, type StackOptions, type MeshgridOptions,
} from "./join.js";
export { diag, diagonal, trace, type DiagonalOptions } from "./diag.js";
export { isclose, allclose, arrayEqual, type IscloseOptions } from "./isclose.js";

// linear algebra (also as the namespace `linalg`), calculus on data, polynomials
export { matmul, dot, outer, inner } from "./linalg/index.js";
export * as linalg from "./linalg/index.js";
export { gradient, type GradientOptions } from "./gradient.js";
export { polyfit, type PolyfitOptions, type PolyfitFullResult, type PolyfitCovResult } from "./polynomial/polyfit.js";
export { polyval } from "./polynomial/polyval.js";
export { polyder } from "./polynomial/polyder.js";
export { polyint } from "./polynomial/polyint.js";
export { roots, type RootsResult } from "./polynomial/roots.js";

// printing
export { repr, str, type PrintCallOptions } from "./print.js";
export { setPrintoptions, getPrintoptions, type PrintOptions } from "./print/options.js";

// random
export * as random from "./random/index.js";

// helpers for sibling nabla packages: typed, marked errors and option checking
export { typeError, rangeError } from "./errors.js";
export { checkOptions, broadcastShapes, normalizeAxis } from "./internal/shape.js";
