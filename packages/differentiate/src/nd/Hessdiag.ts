import type { ArrayLike, NDArray } from "@nabla/ndarray";
import { checkCallable } from "../internal/evaluate.js";
import { ndPipeline } from "../internal/ndCore.js";
import { type NdCommonOptions, resolveNdOptions } from "../internal/ndOptions.js";
import { type EstimateResult, shapeEstimate } from "../internal/ndResult.js";
import { readVector, shift, type VectorFunction, vectorEvaluator } from "../internal/vectorEval.js";
import { scalarOutput } from "./Hessian.js";

/** Options of {@link Hessdiag}. */
export interface HessdiagOptions extends NdCommonOptions {
  /** Order of the truncation error of the basic rule; default 2. */
  order?: number;
}

/** The callable `Hessdiag(f)` returns. */
export type HessdiagFunction = (x: ArrayLike) => NDArray;
/** The callable `Hessdiag(f, { fullOutput: true })` returns. */
export type HessdiagFullFunction = (x: ArrayLike) => EstimateResult<NDArray>;

/**
 * The diagonal of the Hessian of a scalar function of a vector, as numdifftools' `Hessdiag`:
 * second derivatives along each coordinate with the {@link Derivative} pipeline (n = 2).
 *
 * @example
 * Hessdiag((v) => v.get(0) + v.get(1) ** 2 + v.get(2) ** 3)([1, 2, 3]); // array([ 0.,  2., 18.])
 */
export function Hessdiag(
  f: VectorFunction,
  options: HessdiagOptions & { fullOutput: true },
): HessdiagFullFunction;
export function Hessdiag(f: VectorFunction, options?: HessdiagOptions): HessdiagFunction;
export function Hessdiag(
  f: VectorFunction,
  options?: HessdiagOptions,
): HessdiagFunction | HessdiagFullFunction {
  const fn = "Hessdiag";
  checkCallable(fn, f);
  const opts = resolveNdOptions(fn, options, ["order"], { n: 2, order: 2 });
  return ((xIn: unknown) => {
    const x = readVector(fn, xIn);
    const nx = x.length;
    const { evaluate } = vectorEvaluator(fn, f);
    const fx = scalarOutput(fn, evaluate(Float64Array.from(x)));
    const { method } = opts;
    const diffs = (h: Float64Array): Float64Array => {
      const out = new Float64Array(nx);
      for (let k = 0; k < nx; k++) {
        const fp = method === "backward" ? 0 : scalarOutput(fn, evaluate(shift(x, k, h[k])));
        const fm = method === "forward" ? 0 : scalarOutput(fn, evaluate(shift(x, k, -h[k])));
        out[k] =
          method === "central" ? (fp + fm) / 2 - fx : method === "forward" ? fp - fx : fx - fm;
      }
      return out;
    };
    return shapeEstimate(ndPipeline(fn, x, opts, 2, diffs), [nx], opts.fullOutput);
  }) as HessdiagFunction & HessdiagFullFunction;
}
