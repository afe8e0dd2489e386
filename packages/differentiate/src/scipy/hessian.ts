import { type ArrayLike, NDArray, typeError } from "@nabla/ndarray";
import { checkCallable } from "../internal/evaluate.js";
import {
  resolveScipyOptions,
  type ScipyCommonOptions,
  SQRT_EPS,
} from "../internal/scipyOptions.js";
import { jacobian } from "./jacobian.js";

/** Options of {@link hessian}. */
export type HessianScipyOptions = ScipyCommonOptions;

/** scipy's result of `hessian` (the second derivatives are `ddf`; there is no `nit`). */
export interface HessianResult {
  success: NDArray;
  status: NDArray;
  ddf: NDArray;
  error: NDArray;
  nfev: NDArray;
}

const ALLOWED = ["tolerances", "maxiter", "order", "initialStep", "stepFactor"];
const EPS = 2.220446049250313e-16;

/**
 * The Hessian of a vectorised scalar function, as scipy.differentiate.hessian: the
 * {@link jacobian} of the jacobian, the inner one run with `rtol / 100` so its error is
 * negligible. `rtol` below `100 eps` is raised to `100 eps` for the inner tolerance (scipy warns).
 * `f` follows {@link jacobian}'s calling convention; `nfev` counts every evaluation of f.
 *
 * @example
 * // 100 (x1 - x0²)² + (1 - x0)², written with NDArray methods so it works on batches
 * const rosen = (x) =>
 *   x.slice(1).sub(x.slice(0).pow(2)).pow(2).mul(100).add(x.slice(0).neg().add(1).pow(2));
 * hessian(rosen, [-1.2, 1]).ddf; // array([[1330.,  480.], [ 480.,  200.]])
 */
export function hessian(
  f: (x: NDArray) => ArrayLike,
  x: ArrayLike,
  options?: HessianScipyOptions,
): HessianResult {
  const fn = "hessian";
  if (typeof f !== "function") throw typeError(`${fn}: \`f\` must be callable.`);
  checkCallable(fn, f);
  resolveScipyOptions(fn, options, ALLOWED);
  const o = options ?? {};
  let rtol = o.tolerances?.rtol ?? SQRT_EPS;
  if (rtol > 0 && rtol < EPS * 100) rtol = EPS * 100;
  const common = {
    maxiter: o.maxiter,
    order: o.order,
    initialStep: o.initialStep,
    stepFactor: o.stepFactor,
  };
  const inner = {
    rtol: rtol / 100,
    ...(o.tolerances?.atol !== undefined ? { atol: o.tolerances.atol } : {}),
  };
  const calls: Float64Array[] = [];
  const df = (xv: NDArray): NDArray => {
    const t = jacobian(f, xv, { tolerances: inner, ...common });
    const counts = t.nfev.toTypedArray();
    if (calls.length === 0) calls.push(Float64Array.from(counts));
    else {
      // later calls carry an abscissa axis last: sum the evaluations over it
      const P = t.nfev.shape[t.nfev.ndim - 1];
      const sums = new Float64Array(counts.length / P);
      for (let i = 0; i < sums.length; i++)
        for (let q = 0; q < P; q++) sums[i] += counts[i * P + q];
      calls.push(sums);
    }
    return t.df;
  };
  const res = jacobian(df, x, { ...(o.tolerances ? { tolerances: o.tolerances } : {}), ...common });
  const nit = res.nit.toTypedArray();
  const nfev = new Int32Array(nit.length);
  for (let e = 0; e < nit.length; e++) {
    let total = 0;
    for (let t = 0; t <= nit[e]; t++) total += calls[t][e];
    nfev[e] = total;
  }
  return {
    success: res.success,
    status: res.status,
    ddf: res.df,
    error: res.error,
    nfev: new NDArray(nfev, res.df.shape),
  };
}
