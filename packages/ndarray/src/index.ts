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

// printing
export { repr, str, type PrintCallOptions } from "./print.js";
export { setPrintoptions, getPrintoptions, type PrintOptions } from "./print/options.js";

// random
export * as random from "./random/index.js";

// helpers for sibling nabla packages: typed, marked errors and option checking
export { typeError, rangeError } from "./errors.js";
export { checkOptions, broadcastShapes, normalizeAxis } from "./internal/shape.js";
