import { type ArrayLike, NDArray, ShapeError } from "@nabla/ndarray";
import { checkCallable } from "../internal/evaluate.js";
import type { EstimateResult } from "../internal/ndResult.js";
import { readVector } from "../internal/vectorEval.js";
import { Derivative, type DerivativeOptions } from "./Derivative.js";

/**
 * The derivative of a function of a vector along a direction, as numdifftools'
 * `directionaldiff`: `d/dt f(x0 + t v/|v|)` at t = 0, estimated with {@link Derivative}
 * (so `options` are Derivative's; with `fullOutput` you get its EstimateResult). `f` is called
 * with NDArrays of x0's shape.
 *
 * @example
 * const rosen = (v) => (1 - v.get(0)) ** 2 + 105 * (v.get(1) - v.get(0) ** 2) ** 2;
 * directionaldiff(rosen, [1, 1], [1, 2]); // ~0 (the minimum)
 * directionaldiff((v) => v.get(0) * v.get(1), [2, 3], [1, 0]); // 3
 */
export function directionaldiff(
  f: (x: NDArray) => unknown,
  x0: ArrayLike,
  vec: ArrayLike,
  options: DerivativeOptions & { fullOutput: true },
): EstimateResult<number>;
export function directionaldiff(
  f: (x: NDArray) => unknown,
  x0: ArrayLike,
  vec: ArrayLike,
  options?: DerivativeOptions,
): number;
export function directionaldiff(
  f: (x: NDArray) => unknown,
  x0: ArrayLike,
  vec: ArrayLike,
  options?: DerivativeOptions,
): number | EstimateResult<number> {
  const fn = "directionaldiff";
  checkCallable(fn, f);
  const x = readVector(fn, x0);
  const v = readVector(fn, vec);
  if (x.length !== v.length) {
    throw new ShapeError(
      `${fn}: vec and x0 must be the same size, got ${v.length} and ${x.length}.`,
    );
  }
  const shape = x0 instanceof NDArray ? [...x0.shape] : typeof x0 === "number" ? [] : [x.length];
  let sumSq = 0;
  for (const c of v) sumSq += c * c;
  const norm = Math.sqrt(sumSq);
  const unit = v.map((c) => c / norm);
  const line = (t: number): unknown => {
    const p = new Float64Array(x.length);
    for (let i = 0; i < p.length; i++) p[i] = x[i] + t * unit[i];
    return f(new NDArray(p, shape));
  };
  return Derivative(line, options)(0) as number | EstimateResult<number>;
}
