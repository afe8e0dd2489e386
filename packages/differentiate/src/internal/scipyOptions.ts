import { checkOptions, rangeError, typeError } from "@nabla/ndarray";
import type { EngineParams } from "./scipyEngine.js";

/** Absolute and relative tolerances: stop when `error < atol + rtol * |df|`. */
export interface Tolerances {
  /** Default: the smallest normal double, 2.2250738585072014e-308. */
  atol?: number;
  /** Default: sqrt(eps) = 1.4901161193847656e-8. */
  rtol?: number;
}

/** Options shared by scipy-style `derivative`, `jacobian` and `hessian`. */
export interface ScipyCommonOptions {
  tolerances?: Tolerances;
  /** Maximum number of iterations; default 10. */
  maxiter?: number;
  /** Order of the finite-difference formula (odd orders round up); default 8. */
  order?: number;
  /** First step size; default 0.5. */
  initialStep?: number;
  /** Factor the step shrinks by each iteration; default 2. */
  stepFactor?: number;
}

export const SMALLEST_NORMAL = 2.2250738585072014e-308;
export const SQRT_EPS = 1.4901161193847656e-8;

/** scipy's input validation, with scipy's messages. */
export function resolveScipyOptions(
  fn: string,
  options: ScipyCommonOptions | undefined,
  allowed: readonly string[],
): EngineParams {
  checkOptions(fn, options, allowed);
  const o = options ?? {};
  const tol = o.tolerances ?? {};
  if (typeof tol !== "object" || tol === null)
    throw typeError(`${fn}: tolerances must be an object { atol, rtol }.`);
  checkOptions(`${fn} tolerances`, tol, ["atol", "rtol"]);
  const fac = o.stepFactor ?? 2;
  for (const v of [tol.atol ?? 1, tol.rtol ?? 1, fac]) {
    if (typeof v !== "number" || Number.isNaN(v) || v < 0) {
      throw rangeError(`${fn}: Tolerances and step parameters must be non-negative scalars.`);
    }
  }
  const maxiter = o.maxiter ?? 10;
  if (typeof maxiter !== "number" || !Number.isInteger(maxiter) || maxiter <= 0) {
    throw rangeError(`${fn}: \`maxiter\` must be a positive integer.`);
  }
  const order = o.order ?? 8;
  if (typeof order !== "number" || !Number.isInteger(order) || order <= 0) {
    throw rangeError(`${fn}: \`order\` must be a positive integer.`);
  }
  return {
    atol: tol.atol ?? SMALLEST_NORMAL,
    rtol: tol.rtol ?? SQRT_EPS,
    maxiter,
    order,
    fac,
  };
}
