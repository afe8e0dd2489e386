import type { ArrayLike, NDArray } from "@nabla/ndarray";
import { checkCallable } from "../internal/evaluate.js";
import { resolveNdOptions } from "../internal/ndOptions.js";
import { type EstimateResult, shapeEstimate } from "../internal/ndResult.js";
import type { VectorFunction } from "../internal/vectorEval.js";
import { type JacobianOptions, jacobianEstimate } from "./Jacobian.js";

/** The callable `Gradient(f)` returns (a number when x has one element). */
export type GradientFunction = (x: ArrayLike) => NDArray | number;
/** The callable `Gradient(f, { fullOutput: true })` returns. */
export type GradientFullFunction = (x: ArrayLike) => EstimateResult;

/**
 * The gradient of a scalar function of a vector, as numdifftools' `Gradient`: the Jacobian of a
 * scalar function, squeezed to shape `[n]` (a number when n = 1). x is flattened first, and f is
 * called with the 1-D NDArray.
 *
 * @example
 * const rosen = (v) => (1 - v.get(0)) ** 2 + 105 * (v.get(1) - v.get(0) ** 2) ** 2;
 * Gradient(rosen)([1, 1]); // array([0., 0.]) up to ~1e-13
 * Gradient((v) => v.get(0) ** 2 + v.get(1) ** 2 + v.get(2) ** 2)([1, 2, 3]); // array([2., 4., 6.])
 */
export function Gradient(
  f: VectorFunction,
  options: JacobianOptions & { fullOutput: true },
): GradientFullFunction;
export function Gradient(f: VectorFunction, options?: JacobianOptions): GradientFunction;
export function Gradient(
  f: VectorFunction,
  options?: JacobianOptions,
): GradientFunction | GradientFullFunction {
  checkCallable("Gradient", f);
  const opts = resolveNdOptions("Gradient", options, ["order"], { n: 1, order: 2 });
  return ((x: unknown) => {
    const { flat, shape } = jacobianEstimate("Gradient", f, x, opts);
    const squeezed = shape.filter((s) => s !== 1);
    return shapeEstimate(flat, squeezed.length === 0 ? null : squeezed, opts.fullOutput);
  }) as GradientFunction & GradientFullFunction;
}
