import type { ArrayLike, NDArray } from "@nabla/ndarray";
import { checkCallable } from "../internal/evaluate.js";
import type { FlatEstimate } from "../internal/extrapolate.js";
import { ndPipeline } from "../internal/ndCore.js";
import {
  type NdCommonOptions,
  type ResolvedNdOptions,
  resolveNdOptions,
} from "../internal/ndOptions.js";
import { type EstimateResult, shapeEstimate } from "../internal/ndResult.js";
import { readVector, shift, type VectorFunction, vectorEvaluator } from "../internal/vectorEval.js";

/** Options of {@link Jacobian} and {@link Gradient}. */
export interface JacobianOptions extends NdCommonOptions {
  /** Order of the truncation error of the basic rule; default 2. */
  order?: number;
}

/** The callable `Jacobian(f)` returns. */
export type JacobianFunction = (x: ArrayLike) => NDArray;
/** The callable `Jacobian(f, { fullOutput: true })` returns. */
export type JacobianFullFunction = (x: ArrayLike) => EstimateResult<NDArray>;

/**
 * numdifftools' Jacobian pipeline: one central (or one-sided) difference per coordinate and step,
 * extrapolated per output element. Returns the flat estimate laid out as numdifftools does:
 * `[f0, n, ...rest]` for an output of shape `[f0, ...rest]`, `[1, n]` for a scalar output.
 */
export function jacobianEstimate(
  fn: string,
  f: VectorFunction,
  xIn: unknown,
  opts: ResolvedNdOptions,
): { flat: FlatEstimate; shape: number[] } {
  const x = readVector(fn, xIn);
  const nx = x.length;
  const { evaluate, shape } = vectorEvaluator(fn, f);
  const fx = evaluate(Float64Array.from(x));
  const fshape = shape();
  const m = fx.length;
  const f0 = fshape.length === 0 ? 1 : fshape[0];
  const rest = m / f0;
  const outShape = fshape.length === 0 ? [1, nx] : [f0, nx, ...fshape.slice(1)];
  // element (i0, k, r) of the result <- output element (i0, r) differentiated along coordinate k
  const index = (i0: number, k: number, r: number): number => (i0 * nx + k) * rest + r;
  const { method } = opts;
  const diffs = (h: Float64Array): Float64Array => {
    const out = new Float64Array(m * nx);
    for (let k = 0; k < nx; k++) {
      const fp = method === "backward" ? null : evaluate(shift(x, k, h[k]));
      const fm = method === "forward" ? null : evaluate(shift(x, k, -h[k]));
      for (let i0 = 0; i0 < f0; i0++) {
        for (let r = 0; r < rest; r++) {
          const j = i0 * rest + r;
          out[index(i0, k, r)] =
            method === "central"
              ? (fp![j] - fm![j]) / 2
              : method === "forward"
                ? fp![j] - fx[j]
                : fx[j] - fm![j];
        }
      }
    }
    return out;
  };
  const expand = (h: Float64Array): Float64Array => {
    const out = new Float64Array(m * nx);
    for (let i0 = 0; i0 < f0; i0++)
      for (let k = 0; k < nx; k++) for (let r = 0; r < rest; r++) out[index(i0, k, r)] = h[k];
    return out;
  };
  return { flat: ndPipeline(fn, x, opts, 1, diffs, expand), shape: outShape };
}

/**
 * The Jacobian of a function of a vector, as numdifftools' `Jacobian`: entry `[i, j]` is
 * `∂f_i/∂x_j`, each estimated with the {@link Derivative} pipeline (steps, Richardson, Wynn's
 * epsilon, best candidate). `f` is called with a 1-D NDArray; a scalar-valued f gives shape
 * `[1, n]`, an f returning shape `[m, ...rest]` gives `[m, n, ...rest]`.
 *
 * @example
 * const J = Jacobian((v) => [v.get(0) ** 2 * v.get(1), 5 * v.get(0) + Math.sin(v.get(1))]);
 * J([1, 2]); // array([[ 4.        ,  1.        ], [ 5.        , -0.41614684]])
 */
export function Jacobian(
  f: VectorFunction,
  options: JacobianOptions & { fullOutput: true },
): JacobianFullFunction;
export function Jacobian(f: VectorFunction, options?: JacobianOptions): JacobianFunction;
export function Jacobian(
  f: VectorFunction,
  options?: JacobianOptions,
): JacobianFunction | JacobianFullFunction {
  checkCallable("Jacobian", f);
  const opts = resolveNdOptions("Jacobian", options, ["order"], { n: 1, order: 2 });
  return ((x: unknown) => {
    const { flat, shape } = jacobianEstimate("Jacobian", f, x, opts);
    return shapeEstimate(flat, shape, opts.fullOutput);
  }) as JacobianFunction & JacobianFullFunction;
}
