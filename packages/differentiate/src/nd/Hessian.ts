import { type ArrayLike, type NDArray, ShapeError } from "@nabla/ndarray";
import { checkCallable } from "../internal/evaluate.js";
import { ndPipeline } from "../internal/ndCore.js";
import { type NdCommonOptions, resolveNdOptions } from "../internal/ndOptions.js";
import { type EstimateResult, shapeEstimate } from "../internal/ndResult.js";
import { readVector, type VectorFunction, vectorEvaluator } from "../internal/vectorEval.js";

/** Options of {@link Hessian} (the rule order is fixed: 2 central, 1 one-sided, as numdifftools). */
export type HessianOptions = NdCommonOptions;

/** The callable `Hessian(f)` returns. */
export type HessianFunction = (x: ArrayLike) => NDArray;
/** The callable `Hessian(f, { fullOutput: true })` returns. */
export type HessianFullFunction = (x: ArrayLike) => EstimateResult<NDArray>;

export function scalarOutput(fn: string, v: Float64Array): number {
  if (v.length !== 1) {
    throw new ShapeError(`${fn}: f must return a scalar, but it returned ${v.length} values.`);
  }
  return v[0];
}

/**
 * The Hessian of a scalar function of a vector, as numdifftools' `Hessian`: Ridout's (2009)
 * central formula (eq. 9; forward eq. 7) at 15 steps, then Richardson, Wynn's epsilon and the
 * best candidate per entry. Returns an `[n, n]` symmetric NDArray.
 *
 * @example
 * const rosen = (v) => (1 - v.get(0)) ** 2 + 105 * (v.get(1) - v.get(0) ** 2) ** 2;
 * Hessian(rosen)([1, 1]);                         // array([[ 842., -420.], [-420.,  210.]])
 * Hessian((v) => Math.cos(v.get(0) - v.get(1)))([0, 0]); // array([[-1.,  1.], [ 1., -1.]])
 */
export function Hessian(
  f: VectorFunction,
  options: HessianOptions & { fullOutput: true },
): HessianFullFunction;
export function Hessian(f: VectorFunction, options?: HessianOptions): HessianFunction;
export function Hessian(
  f: VectorFunction,
  options?: HessianOptions,
): HessianFunction | HessianFullFunction {
  const fn = "Hessian";
  checkCallable(fn, f);
  const method = options?.method ?? "central";
  const order = method === "central" ? 2 : 1;
  const opts = resolveNdOptions(fn, options, [], { n: 2, order });
  return ((xIn: unknown) => {
    const x = readVector(fn, xIn);
    const nx = x.length;
    const { evaluate } = vectorEvaluator(fn, f);
    const fval = (p: Float64Array): number => scalarOutput(fn, evaluate(p));
    const fx = fval(Float64Array.from(x));
    const at = (steps: [number, number][]): number => {
      // x + e_i + e_j evaluated left to right, as numpy does
      const p = Float64Array.from(x);
      for (const [k, d] of steps) for (let q = 0; q < nx; q++) p[q] = p[q] + (q === k ? d : 0);
      return fval(p);
    };
    const diffs = (h: Float64Array): Float64Array => {
      const H = new Float64Array(nx * nx);
      if (opts.method === "central") {
        for (let i = 0; i < nx; i++) {
          H[i * nx + i] =
            (at([[i, 2 * h[i]]]) - 2 * fx + at([[i, -2 * h[i]]])) / (4 * (h[i] * h[i]));
          for (let j = i + 1; j < nx; j++) {
            const v =
              (at([
                [i, h[i]],
                [j, h[j]],
              ]) -
                at([
                  [i, h[i]],
                  [j, -h[j]],
                ]) -
                at([
                  [i, -h[i]],
                  [j, h[j]],
                ]) +
                at([
                  [i, -h[i]],
                  [j, -h[j]],
                ])) /
              (4 * (h[j] * h[i]));
            H[i * nx + j] = v;
            H[j * nx + i] = v;
          }
        }
      } else {
        const s = opts.method === "forward" ? 1 : -1;
        const g = Array.from({ length: nx }, (_, i) => at([[i, s * h[i]]]));
        for (let i = 0; i < nx; i++) {
          for (let j = i; j < nx; j++) {
            const v =
              (at([
                [i, s * h[i]],
                [j, s * h[j]],
              ]) -
                g[i] -
                g[j] +
                fx) /
              (s * h[j] * (s * h[i]));
            H[i * nx + j] = v;
            H[j * nx + i] = v;
          }
        }
      }
      return H;
    };
    const expand = (h: Float64Array): Float64Array => {
      const out = new Float64Array(nx * nx);
      for (let i = 0; i < nx; i++) for (let j = 0; j < nx; j++) out[i * nx + j] = h[j];
      return out;
    };
    const flat = ndPipeline(fn, x, opts, 2, diffs, expand, false);
    return shapeEstimate(flat, [nx, nx], opts.fullOutput);
  }) as HessianFunction & HessianFullFunction;
}
