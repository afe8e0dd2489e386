import type { NDArray, NestedArray, TypedArray } from "@nabla/ndarray";
import {
  checkCallable,
  type NumericFunction,
  readPoint,
  toFloat64,
  wrap,
} from "../internal/evaluate.js";
import type { FlatEstimate } from "../internal/extrapolate.js";
import { ndPipeline, zeroOrder } from "../internal/ndCore.js";
import { type NdCommonOptions, resolveNdOptions } from "../internal/ndOptions.js";
import { type EstimateResult, shapeEstimate } from "../internal/ndResult.js";

/** Options of {@link Derivative} (numdifftools' keyword arguments, camelCased). */
export interface DerivativeOptions extends NdCommonOptions {
  /** Order of the derivative, 0..; default 1. */
  n?: number;
  /** Order of the truncation error of the basic rule (even for central); default 2. */
  order?: number;
}

/** The callable `Derivative(f)` returns: a number for a number, an NDArray for an array. */
export interface DerivativeFunction {
  (x: number): number;
  (x: NDArray | TypedArray | readonly NestedArray[]): NDArray;
}

/** The callable `Derivative(f, { fullOutput: true })` returns. */
export interface DerivativeFullFunction {
  (x: number): EstimateResult<number>;
  (x: NDArray | TypedArray | readonly NestedArray[]): EstimateResult<NDArray>;
}

const ALLOWED = ["n", "order"];

/**
 * The n-th derivative of a scalar function by adaptive finite differences, as numdifftools'
 * `Derivative`: differences at 15 geometrically shrinking steps, a finite-difference rule,
 * Richardson extrapolation, Wynn's epsilon algorithm and an outlier-penalised choice of the best
 * candidate, with an error estimate. Returns a callable; call it at a number or an array of points.
 *
 * At a number `x`, `f` is called with numbers; at an array, `f` is called with an NDArray of the
 * same shape and must work elementwise (as numdifftools requires a vectorised `fun`).
 * `method: "complex"` is not available (there are no complex numbers in nabla).
 *
 * @example
 * Derivative(Math.exp)(1);                        // 2.718281828459...
 * Derivative((x) => x ** 3 + x ** 2, { n: 2 })(1); // 8.000000000000009
 * Derivative((x) => sqrt(x))(linspace(0.1, 1, 10)); // array([1.58113883, 1.11803399, ...])
 * Derivative(Math.sin, { fullOutput: true })(0.5).errorEstimate; // ~1.2e-14
 */
export function Derivative(
  f: NumericFunction,
  options: DerivativeOptions & { fullOutput: true },
): DerivativeFullFunction;
export function Derivative(f: NumericFunction, options?: DerivativeOptions): DerivativeFunction;
export function Derivative(
  f: NumericFunction,
  options?: DerivativeOptions,
): DerivativeFunction | DerivativeFullFunction {
  checkCallable("Derivative", f);
  const opts = resolveNdOptions("Derivative", options, ALLOWED, { n: 1, order: 2 });
  const call = (x: unknown): number | NDArray | EstimateResult => {
    const { data, shape } = readPoint("Derivative", x);
    const size = data.length;
    const g = f as (v: unknown) => unknown;
    const evaluate = (points: Float64Array): Float64Array => {
      const out = toFloat64("Derivative", shape === null ? g(points[0]) : g(wrap(points, shape)));
      if (out.length !== size) {
        throw new RangeError(
          `Derivative: fun did not return data of correct size (it must be vectorized): expected ${size} values, got ${out.length}.`,
        );
      }
      return out;
    };
    const shifted = (h: Float64Array, sign: number): Float64Array => {
      const p = new Float64Array(size);
      for (let e = 0; e < size; e++) p[e] = data[e] + sign * h[e];
      return evaluate(p);
    };
    let flat: FlatEstimate;
    if (opts.n === 0) flat = zeroOrder(evaluate(Float64Array.from(data)), opts);
    else {
      const { n, method } = opts;
      const needFx = method !== "central" || n % 2 === 0;
      const fx = needFx ? evaluate(Float64Array.from(data)) : null;
      const diffs = (h: Float64Array): Float64Array => {
        const out = new Float64Array(size);
        if (method === "central") {
          const fp = shifted(h, 1);
          const fm = shifted(h, -1);
          if (n % 2 === 1) for (let e = 0; e < size; e++) out[e] = (fp[e] - fm[e]) / 2;
          else for (let e = 0; e < size; e++) out[e] = (fp[e] + fm[e]) / 2 - fx![e];
        } else if (method === "forward") {
          const fp = shifted(h, 1);
          for (let e = 0; e < size; e++) out[e] = fp[e] - fx![e];
        } else {
          const fm = shifted(h, -1);
          for (let e = 0; e < size; e++) out[e] = fx![e] - fm[e];
        }
        return out;
      };
      flat = ndPipeline("Derivative", data, opts, n, diffs);
    }
    return shapeEstimate(flat, shape, opts.fullOutput);
  };
  return call as DerivativeFunction & DerivativeFullFunction;
}
