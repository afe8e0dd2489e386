import { type ArrayLike, asarray, NDArray, rangeError, typeError } from "@nabla/ndarray";
import { checkCallable, describe } from "../internal/evaluate.js";
import { resolveScipyOptions, type ScipyCommonOptions } from "../internal/scipyOptions.js";
import { type DerivativeResult, type DerivativeScipyOptions, derivative } from "./derivative.js";

/** Options of {@link jacobian}. */
export type JacobianScipyOptions = Omit<DerivativeScipyOptions, "preserveShape">;

/** scipy's result of `jacobian`: {@link DerivativeResult} without `x`, as NDArrays. */
export type JacobianResult = Omit<DerivativeResult<NDArray, NDArray>, "x">;

const ALLOWED = ["tolerances", "maxiter", "order", "initialStep", "stepFactor", "stepDirection"];

/**
 * The Jacobian of a vectorised function, as scipy.differentiate.jacobian: `df[i, j] = ∂f_i/∂x_j`,
 * each entry converged by {@link derivative} on its own.
 *
 * `f` is called with an NDArray whose axis 0 indexes the m coordinates and whose remaining axes
 * are batch axes (so `x.slice(0)` is the first coordinate for every batch point), and must return
 * shape `[k, ...batch]` (or `[...batch]` for a scalar function) — scipy's calling convention.
 *
 * @example
 * // f(x, y) = [x² y, 5x + sin y]; x.slice(i) is coordinate i for every batch point
 * const f = (x) => stack([x.slice(0).pow(2).mul(x.slice(1)), x.slice(0).mul(5).add(sin(x.slice(1)))]);
 * jacobian(f, [1, 2]).df; // array([[ 4.        ,  1.        ], [ 5.        , -0.41614684]])
 */
export function jacobian(
  f: (x: NDArray) => ArrayLike,
  x: ArrayLike,
  options?: JacobianScipyOptions,
): JacobianResult {
  const fn = "jacobian";
  if (typeof f !== "function") throw typeError(`${fn}: \`f\` must be callable.`);
  checkCallable(fn, f);
  resolveScipyOptions(fn, options as ScipyCommonOptions, ALLOWED);
  let x0: NDArray;
  try {
    x0 = asarray(x, { dtype: "float64" });
  } catch {
    throw typeError(`${fn}: x must be an array of numbers, got ${describe(x)}.`);
  }
  if (x0.ndim < 1) throw rangeError(`${fn}: Argument \`x\` must be at least 1-D.`);
  const m = x0.shape[0];
  const rest = x0.shape.slice(1);
  const R = rest.reduce((a, b) => a * b, 1);
  const base = Float64Array.from(x0.toTypedArray() as Float64Array);
  const wrapped = (xv: NDArray): ArrayLike => {
    const extra = xv.ndim !== x0.ndim;
    const P = extra ? xv.shape[xv.ndim - 1] : 1;
    const v = xv.toTypedArray();
    const out = new Float64Array(m * m * R * P);
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++)
        for (let r = 0; r < R; r++)
          for (let q = 0; q < P; q++) {
            out[((a * m + b) * R + r) * P + q] = a === b ? v[(a * R + r) * P + q] : base[a * R + r];
          }
    return f(new NDArray(out, [m, m, ...rest, ...(extra ? [P] : [])]));
  };
  const res = derivative(wrapped, x0, { ...options, preserveShape: true }) as DerivativeResult<
    NDArray,
    NDArray
  >;
  return {
    success: res.success,
    status: res.status,
    df: res.df,
    error: res.error,
    nit: res.nit,
    nfev: res.nfev,
  };
}
