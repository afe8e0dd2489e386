import * as nd from "@nabla/ndarray";
import { checkOptions, normalizeAxes, normalizeAxis } from "@nabla/ndarray";
import { bind } from "../core/bind.js";
import type { Operand, Tracer } from "../core/tracer.js";
import { shapeOf, type Value } from "../core/value.js";
import { primitives as P } from "../primitives/index.js";
import type { ReduceParams } from "../primitives/reduce.js";
import { concreteArg, scalarize, toValue } from "./convert.js";
import { divide, multiply, sqrt, subtract } from "./elementwise.js";
import { reshape } from "./shape.js";

/** numpy's `axis` and `keepdims` options of the reductions. */
export interface ReduceOptions {
  /** Axis or axes to reduce; absent or `null` reduces over all axes. */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes with length 1. */
  keepdims?: boolean;
}

/** A reduction's result: a tracer while tracing; a JS number (full reduction) or NDArray otherwise. */
export type Reduced<A> = A extends Tracer ? Tracer : number | nd.NDArray;

function params(
  fn: string,
  v: Value,
  options: ReduceOptions | undefined,
  extra: string[] = [],
): ReduceParams {
  checkOptions(fn, options, ["axis", "keepdims", ...extra]);
  const axes = normalizeAxes(fn, options?.axis, shapeOf(v).length);
  return { axes, keepdims: options?.keepdims === true };
}

function count(v: Value, p: ReduceParams): number {
  const shape = shapeOf(v);
  return p.axes.reduce((n, a) => n * shape[a], 1);
}

/** @internal reduceSum with normalized parameters (negative axes allowed). */
export function reduceSum(x: Value, p: ReduceParams): Value {
  const ndim = shapeOf(x).length;
  const axes = p.axes.map((a) => (a < 0 ? a + ndim : a)).sort((a, b) => a - b);
  if (axes.length === 0 && !p.keepdims) return x;
  return bind(P.reduceSum, [x], { axes, keepdims: p.keepdims });
}
/** @internal */
export function reduceMax(x: Value, p: ReduceParams): Value {
  return bind(P.reduceMax, [x], p);
}
/** @internal */
export function reduceMin(x: Value, p: ReduceParams): Value {
  return bind(P.reduceMin, [x], p);
}
/** @internal */
export function reduceProd(x: Value, p: ReduceParams): Value {
  return bind(P.reduceProd, [x], p);
}

/**
 * Sum over `axis` (all axes by default).
 * @example grad((x) => np.sum(np.sin(x)))(np.array([0, 0])); // array([1., 1.])
 */
export function sum<A extends Operand>(x: A, options?: ReduceOptions): Reduced<A> {
  const v = toValue("sum", x);
  return bind(P.reduceSum, [v], params("sum", v, options)) as Reduced<A>;
}

/**
 * Product over `axis` (all axes by default).
 * @example np.prod(np.array([2, 3])); // 6
 */
export function prod<A extends Operand>(x: A, options?: ReduceOptions): Reduced<A> {
  const v = toValue("prod", x);
  return bind(P.reduceProd, [v], params("prod", v, options)) as Reduced<A>;
}

/**
 * Maximum over `axis`; tied maxima share the derivative.
 * @example np.max(np.array([1, 3, 2])); // 3
 */
export function max<A extends Operand>(x: A, options?: ReduceOptions): Reduced<A> {
  const v = toValue("max", x);
  return bind(P.reduceMax, [v], params("max", v, options)) as Reduced<A>;
}

/**
 * Minimum over `axis`; tied minima share the derivative.
 * @example np.min(np.array([1, 3, 2])); // 1
 */
export function min<A extends Operand>(x: A, options?: ReduceOptions): Reduced<A> {
  const v = toValue("min", x);
  return bind(P.reduceMin, [v], params("min", v, options)) as Reduced<A>;
}

/**
 * Arithmetic mean over `axis`.
 * @example np.mean(np.array([1, 2, 3, 4])); // 2.5
 */
export function mean<A extends Operand>(x: A, options?: ReduceOptions): Reduced<A> {
  const v = toValue("mean", x);
  const p = params("mean", v, options);
  return scalarize(divide(bind(P.reduceSum, [v], p), count(v, p))) as unknown as Reduced<A>;
}

/** Options of `var` and `std`. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `n - ddof` (default 0). */
  ddof?: number;
}

/**
 * Variance over `axis`: mean of squared deviations, divided by `n - ddof`.
 * @example np.var_(np.array([1, 2, 3, 4])); // 1.25
 */
export function var_<A extends Operand>(x: A, options?: VarOptions): Reduced<A> {
  const v = toValue("var", x);
  const p = params("var", v, options, ["ddof"]);
  const n = count(v, p);
  const m = divide(bind(P.reduceSum, [v], { axes: p.axes, keepdims: true }), n);
  const d = subtract(v, m);
  const sq = bind(P.reduceSum, [multiply(d, d)], p);
  return scalarize(divide(sq, n - (options?.ddof ?? 0))) as unknown as Reduced<A>;
}

/**
 * Standard deviation over `axis`: `sqrt(var)`.
 * @example np.std(np.array([1, 2, 3, 4])); // 1.118033988749895
 */
export function std<A extends Operand>(x: A, options?: VarOptions): Reduced<A> {
  return scalarize(sqrt(var_(x, options) as Value)) as unknown as Reduced<A>;
}

/**
 * Cumulative sum along `axis` (the flattened array by default).
 * @example np.cumsum(np.array([1, 2, 3])); // array([1., 3., 6.])
 */
export function cumsum<A extends Operand>(
  x: A,
  options?: { axis?: number | null },
): A extends Tracer ? Tracer : nd.NDArray {
  checkOptions("cumsum", options, ["axis"]);
  let v = toValue("cumsum", x);
  let axis = options?.axis;
  if (axis === undefined || axis === null) {
    v = reshape(v, [-1]);
    axis = 0;
  }
  return cumsumAxis(v, normalizeAxis("cumsum", axis, shapeOf(v).length)) as A extends Tracer
    ? Tracer
    : nd.NDArray;
}

/** @internal */
export function cumsumAxis(x: Value, axis: number): Value {
  return bind(P.cumsum, [x], { axis });
}

const INDEX = "the result is an integer index, which vmap cannot batch here; call it outside vmap.";

/**
 * Index of the maximum (not differentiable; computed on the concrete value).
 * @example np.argmax(np.array([1, 3, 2])); // 1
 */
export function argmax(
  x: Operand,
  options?: { axis?: number | null; keepdims?: boolean },
): number | nd.NDArray {
  return nd.argmax(concreteArg("argmax", x, INDEX), options);
}

/**
 * Index of the minimum (not differentiable; computed on the concrete value).
 * @example np.argmin(np.array([1, 3, 2])); // 0
 */
export function argmin(
  x: Operand,
  options?: { axis?: number | null; keepdims?: boolean },
): number | nd.NDArray {
  return nd.argmin(concreteArg("argmin", x, INDEX), options);
}
