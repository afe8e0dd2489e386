/**
 * @nabla/ndarray: n-dimensional typed arrays with numpy's semantics, the shared core of nabla.
 * @packageDocumentation
 *
 * The exports are one flat, sorted list (as d3 does); the package README groups them by topic.
 */

export {
  add,
  arctan2,
  clip,
  divide,
  hypot,
  maximum,
  minimum,
  mod,
  multiply,
  power,
  square,
  subtract,
} from "./arithmetic.js";
export { type AverageOptions, average, countNonzero, ptp } from "./average.js";
export {
  equal,
  greater,
  greaterEqual,
  isfinite,
  isinf,
  isnan,
  less,
  lessEqual,
  logicalAnd,
  logicalNot,
  logicalOr,
  logicalXor,
  notEqual,
} from "./compare.js";

export {
  arange,
  array,
  asarray,
  type DTypeOptions,
  type EyeOptions,
  empty,
  eye,
  full,
  fullLike,
  identity,
  type LinspaceOptions,
  type LogspaceOptions,
  linspace,
  logspace,
  ones,
  onesLike,
  zeros,
  zerosLike,
} from "./creation.js";
export { type CumulativeOptions, cumprod, cumsum } from "./cumulative.js";
export { type DiagonalOptions, diag, diagonal, trace } from "./diag.js";
export { type DiffOptions, diff } from "./diff.js";
export { allocate, type DType, promote, type StorageOf, type TypedArray } from "./dtype.js";
export {
  DTypeError,
  LinAlgError,
  NablaError,
  rangeError,
  ShapeError,
  typeError,
} from "./errors.js";
export { type GradientOptions, gradient } from "./gradient.js";
export {
  argwhere,
  booleanMask,
  compress,
  extract,
  flatnonzero,
  nonzero,
  putmask,
  type TakeOptions,
  take,
  takeAlongAxis,
  where,
} from "./indexing.js";
export {
  broadcastShapes,
  checkBroadcastTo,
  checkOptions,
  formatShape,
  moveaxisPermutation,
  normalizeAxes,
  normalizeAxis,
  normalizePermutation,
  resolveShape,
  type Shape,
  sameShape,
  sizeOf,
  sliceIndexCount,
  squeezeAxes,
  swapaxesPermutation,
} from "./internal/shape.js";
export { allclose, arrayEqual, type IscloseOptions, isclose } from "./isclose.js";
export {
  arraySplit,
  type ConcatenateOptions,
  columnStack,
  concatenate,
  hstack,
  type MeshgridOptions,
  meshgrid,
  type StackOptions,
  split,
  stack,
  vstack,
} from "./join.js";
/**
 * numpy.linalg: `solve`, `inv`, `det`, `slogdet`, `norm`, `eigh`, `eigvalsh`, `eigvals`, `svd`,
 * `qr`, `cholesky`, `lstsq`, `pinv`, `matrixRank`, `cond` (and `matmul`, `dot`, `inner`, `outer`).
 * @example
 * linalg.solve([[3, 1], [1, 2]], [9, 8]); // array([2., 3.])
 */
export * as linalg from "./linalg/index.js";
export { dot, inner, matmul, outer } from "./linalg/index.js";
export {
  arccos,
  arccosh,
  arcsin,
  arcsinh,
  arctan,
  arctanh,
  ceil,
  cos,
  cosh,
  exp,
  expm1,
  floor,
  log,
  log1p,
  log2,
  log10,
  rint,
  sin,
  sinh,
  sqrt,
  tan,
  tanh,
  trunc,
} from "./math.js";
export {
  nanargmax,
  nanargmin,
  nanmax,
  nanmean,
  nanmin,
  nanprod,
  nanstd,
  nansum,
  nanvar,
} from "./nanreduce.js";
export { type ArrayLike, NDArray, type NestedArray, type SliceSpec } from "./ndarray.js";
export { polyder } from "./polynomial/polyder.js";
export {
  type PolyfitCovResult,
  type PolyfitFullResult,
  type PolyfitOptions,
  polyfit,
} from "./polynomial/polyfit.js";
export { polyint } from "./polynomial/polyint.js";
export { polyval } from "./polynomial/polyval.js";
export { type RootsResult, roots } from "./polynomial/roots.js";
export {
  getPrintoptions,
  type PrintOptions,
  printoptions,
  setPrintoptions,
} from "./print/options.js";
export { type PrintCallOptions, repr, str } from "./print.js";
export { median, percentile, type QuantileOptions, quantile } from "./quantile.js";
/**
 * numpy.random's `default_rng`: `defaultRng(seed)` makes a PCG64 `Generator` that gives numpy's
 * numbers for the same seed and calls.
 * @example
 * random.defaultRng(42).random(3); // array([0.77395605, 0.43887844, 0.85859792])
 */
export * as random from "./random/index.js";
export { flip, repeat, roll, tile } from "./rearrange.js";
export {
  type ArgOptions,
  type Axis,
  all,
  any,
  argmax,
  argmin,
  max,
  mean,
  min,
  type OptionGiven,
  prod,
  type ReduceOptions,
  type ReduceResult,
  type SumOptions,
  std,
  sum,
  type VarOptions,
  var_,
  var_ as var,
} from "./reduce.js";
export { type ScalarLike, toScalar } from "./scalar.js";
export { abs, negative, round, sign } from "./sign.js";
export {
  argsort,
  type SearchsortedOptions,
  type SortOptions,
  searchsorted,
  sort,
  type UniqueOptions,
  type UniqueResult,
  unique,
} from "./sort.js";
