import {
  type ArrayLike,
  asarray,
  broadcastShapes,
  NDArray,
  type NestedArray,
  rangeError,
  ShapeError,
  type TypedArray,
  typeError,
} from "@nabla/ndarray";
import { checkCallable, describe, toFloat64 } from "../internal/evaluate.js";
import { type BatchEvaluator, type EngineResult, runDerivative } from "../internal/scipyEngine.js";
import { resolveScipyOptions, type ScipyCommonOptions } from "../internal/scipyOptions.js";

/** Options of {@link derivative} (scipy.differentiate.derivative's keywords, camelCased). */
export interface DerivativeScipyOptions extends Omit<ScipyCommonOptions, "initialStep"> {
  /** First step size, per element if an array (broadcast with x); default 0.5. */
  initialStep?: ArrayLike;
  /** 0 central (default), > 0 right one-sided, < 0 left one-sided; per element if an array. */
  stepDirection?: ArrayLike;
  /**
   * Call f with every element every iteration, with x of shape `[...shape, k]`, and allow f to
   * return extra leading axes (broadcast against x); default false.
   */
  preserveShape?: boolean;
}

/** scipy's `_RichResult` of `derivative`, elementwise: numbers for a scalar x, else NDArrays. */
export interface DerivativeResult<T = number | NDArray, B = boolean | NDArray> {
  /** True where the error estimate met the tolerances (status 0). */
  success: B;
  /** 0 converged, -1 error grew, -2 maxiter reached, -3 non-finite value. */
  status: T;
  /** The derivative estimate. */
  df: T;
  /** Estimated error: the change from the previous iteration's estimate. */
  error: T;
  /** Iterations performed. */
  nit: T;
  /** Function evaluations (abscissae) used. */
  nfev: T;
  /** The point(s), broadcast with the step options. */
  x: T;
}

const ALLOWED = [
  "tolerances",
  "maxiter",
  "order",
  "initialStep",
  "stepFactor",
  "stepDirection",
  "preserveShape",
];

function readArray(fn: string, name: string, v: unknown): NDArray {
  try {
    return asarray(v as ArrayLike, { dtype: "float64" });
  } catch {
    throw typeError(`${fn}: ${name} must be a number or an array of numbers, got ${describe(v)}.`);
  }
}

function flatten(a: NDArray, shape: readonly number[]): Float64Array {
  return Float64Array.from(a.broadcastTo(shape).toTypedArray() as Float64Array);
}

/**
 * The first derivative of an elementwise function by adaptive finite differences, as
 * scipy.differentiate.derivative: an 8th-order central stencil (or one-sided with
 * `stepDirection`) whose step halves each iteration until successive estimates agree within
 * `atol + rtol |df|`. Every element converges (or fails) on its own; failures are reported in
 * `status`, never thrown.
 *
 * `f` gets the same kind of value as `x`: numbers for a number `x` (one call per abscissa), and
 * for an array `x` an NDArray of shape `[nActive, k]` holding `k` abscissae per active element
 * (with `preserveShape`, `[...shape, k]`), to be evaluated elementwise.
 *
 * @example
 * const res = derivative(Math.exp, 1);
 * res.df;     // 2.71828182845902...
 * res.nit;    // 2
 * res.nfev;   // 11
 * derivative((x) => exp(x), [1, 2, 3]).df; // array([ 2.71828183,  7.3890561 , 20.08553692])
 */
export function derivative(
  f: (x: number) => number | ArrayLike,
  x: number,
  options?: DerivativeScipyOptions & {
    initialStep?: number;
    stepDirection?: number;
    preserveShape?: false;
  },
): DerivativeResult<number, boolean>;
export function derivative(
  f: (x: NDArray) => unknown,
  x: NDArray | TypedArray | readonly NestedArray[],
  options?: DerivativeScipyOptions,
): DerivativeResult<NDArray, NDArray>;
export function derivative(
  f: ((x: number) => unknown) | ((x: NDArray) => unknown),
  x: ArrayLike,
  options?: DerivativeScipyOptions,
): DerivativeResult;
export function derivative(
  fIn: ((x: number) => unknown) | ((x: NDArray) => unknown),
  x: ArrayLike,
  options?: DerivativeScipyOptions,
): DerivativeResult {
  const fn = "derivative";
  const f = fIn as (x: unknown) => unknown;
  if (typeof f !== "function") throw typeError(`${fn}: \`f\` must be callable.`);
  checkCallable(fn, f);
  const params = resolveScipyOptions(fn, options as ScipyCommonOptions, ALLOWED);
  const o = options ?? {};
  const preserve = o.preserveShape ?? false;
  if (typeof preserve !== "boolean")
    throw rangeError(`${fn}: \`preserve_shape\` must be True or False.`);
  const h0Input = o.initialStep ?? 0.5;
  const dirInput = o.stepDirection ?? 0;
  const scalar =
    typeof x === "number" &&
    typeof h0Input === "number" &&
    typeof dirInput === "number" &&
    !preserve;
  if (scalar) {
    const xs = Float64Array.of(x as number);
    const fx = Float64Array.of(scalarValue(fn, f(x)));
    const evaluate: BatchEvaluator = (points) => points.map((p) => scalarValue(fn, f(p)));
    const r = runDerivative(
      xs,
      fx,
      Float64Array.of(h0Input),
      Float64Array.of(Math.sign(dirInput)),
      params,
      evaluate,
      false,
    );
    return {
      success: r.status[0] === 0,
      status: r.status[0],
      df: r.df[0],
      error: r.error[0],
      nit: r.nit[0],
      nfev: r.nfev[0],
      x: x as number,
    };
  }
  const xa = readArray(fn, "x", x);
  const h0a = readArray(fn, "initialStep", h0Input);
  const dira = readArray(fn, "stepDirection", dirInput);
  const xShape = broadcastShapes(fn, xa.shape, h0a.shape, dira.shape);
  const xb = flatten(xa, xShape);
  const f0 = f(new NDArray(Float64Array.from(xb), xShape));
  const f0a = readArray(fn, "the value of f", f0);
  let shape = xShape;
  if (preserve) shape = broadcastShapes(fn, f0a.shape, xShape);
  else if (f0a.shape.length !== xShape.length || f0a.shape.some((s, i) => s !== xShape[i])) {
    throw new ShapeError(
      `${fn}: The shape of the array returned by \`f\` must be the same as the broadcasted shape of \`x\` (${JSON.stringify(xShape)}), got ${JSON.stringify(f0a.shape)}.`,
    );
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const xs = preserve ? flatten(xa, shape) : xb;
  const fx = flatten(f0a, shape);
  const h0 = flatten(h0a, shape);
  const dir = Float64Array.from(flatten(dira, shape), Math.sign);
  const inner = shape.slice(shape.length - xShape.length);
  const block = inner.reduce((a, b) => a * b, 1);
  const evaluate: BatchEvaluator = preserve
    ? (points, _rows, nNew) => {
        // every element shares its abscissae with the element of the same x position, so f sees
        // only the first block (x's own shape) and returns values for all of `shape`
        const out = toFloat64(fn, f(new NDArray(points.slice(0, block * nNew), [...inner, nNew])));
        if (out.length !== size * nNew) {
          throw new ShapeError(
            `${fn}: f returned ${out.length} values, expected ${size * nNew} (shape ${JSON.stringify([...shape, nNew])}).`,
          );
        }
        return out;
      }
    : (points, rows, nNew) => {
        const out = toFloat64(fn, f(new NDArray(points, [rows.length, nNew])));
        if (out.length !== points.length) {
          throw new ShapeError(
            `${fn}: f returned ${out.length} values for ${points.length} abscissae; it must be elementwise.`,
          );
        }
        return out;
      };
  const r = runDerivative(xs, fx, h0, dir, params, evaluate, preserve);
  return arrayResult(r, xs, shape);
}

function scalarValue(fn: string, v: unknown): number {
  const out = toFloat64(fn, v);
  if (out.length !== 1) {
    throw new ShapeError(
      `${fn}: at a scalar x, f must return a single number, got ${out.length} values.`,
    );
  }
  return out[0];
}

/** Shapes flat engine output as scipy's result object. */
export function arrayResult(
  r: EngineResult,
  xs: Float64Array,
  shape: readonly number[],
): DerivativeResult<NDArray, NDArray> {
  const success = new Uint8Array(r.status.length);
  for (let i = 0; i < success.length; i++) success[i] = r.status[i] === 0 ? 1 : 0;
  return {
    success: new NDArray(success, shape),
    status: new NDArray(r.status, shape),
    df: new NDArray(r.df, shape),
    error: new NDArray(r.error, shape),
    nit: new NDArray(r.nit, shape),
    nfev: new NDArray(r.nfev, shape),
    x: new NDArray(xs, shape),
  };
}
