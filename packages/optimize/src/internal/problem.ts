import { NDArray, rangeError } from "@nabla/ndarray";
import type { HessianUpdateStrategy } from "../hessianUpdateStrategy.js";
import { OptimizeResult } from "../optimizeResult.js";
import type { FDMethod } from "./numdiff.js";
import { type HessSpec, ScalarFunction } from "./scalarFunction.js";
import { hasNaN } from "./vec.js";

/** The user's problem after validation, in Float64Array terms (nothing here counts evaluations). */
export interface Problem {
  n: number;
  x0: Float64Array;
  fun: (x: Float64Array) => number;
  /** A gradient function, an FD scheme with relative steps, or null (forward differences, absolute step). */
  jac: ((x: Float64Array) => Float64Array) | FDMethod | null;
  hess: ((x: Float64Array) => Float64Array) | FDMethod | HessianUpdateStrategy | null;
  hessp: ((x: Float64Array, p: Float64Array) => Float64Array) | null;
  lb: Float64Array | null;
  ub: Float64Array | null;
  /** Calls the user's callback; true means stop. */
  callback: ((x: Float64Array, fun: number) => boolean) | null;
  method: string;
}

export function prepareScalarFunction(
  p: Problem,
  epsilon: number | Float64Array | null,
  finiteDiffRelStep: number | Float64Array | null,
  useHess = false,
): ScalarFunction {
  let grad: ((x: Float64Array) => Float64Array) | FDMethod;
  let eps = epsilon;
  if (typeof p.jac === "function") grad = p.jac;
  else if (p.jac === "2-point" || p.jac === "3-point") {
    grad = p.jac;
    eps = null;
  } else grad = "2-point";
  const hess: HessSpec = useHess ? p.hess : null;
  if (typeof grad === "string" && (hess === "2-point" || hess === "3-point")) {
    throw rangeError(
      `minimize: whenever the gradient is estimated via finite differences, the Hessian must be estimated with a quasi-Newton strategy (new BFGS() or new SR1()), not "${hess}".`,
    );
  }
  return new ScalarFunction(p.fun, p.x0, grad, hess, {
    epsilon: eps,
    finiteDiffRelStep,
    lb: p.lb,
    ub: p.ub,
  });
}

export function vec(a: Float64Array): NDArray {
  return new NDArray(new Float64Array(a), [a.length]);
}

export function mat(a: Float64Array, n: number): NDArray {
  return new NDArray(new Float64Array(a), [n, n]);
}

export const STATUS_MESSAGES = {
  success: "Optimization terminated successfully.",
  maxfev: "Maximum number of function evaluations has been exceeded.",
  maxiter: "Maximum number of iterations has been exceeded.",
  prLoss: "Desired error not necessarily achieved due to precision loss.",
  nan: "NaN result encountered.",
  outOfBounds: "The result is outside of the provided bounds.",
} as const;

export function intermediate(x: Float64Array, fun: number): OptimizeResult {
  return new OptimizeResult({ x: vec(x), fun, success: true, status: 0, message: "" });
}

/** Reads a numeric option, checking its range. */
export function numOpt(
  method: string,
  o: Record<string, unknown>,
  key: string,
  dflt: number,
  check?: (v: number) => boolean,
  expect?: string,
): number {
  const v = o[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== "number" || Number.isNaN(v) || (check && !check(v))) {
    throw rangeError(
      `minimize(method="${method}"): options.${key} must be ${expect ?? "a number"}, got ${String(v)}.`,
    );
  }
  return v;
}

export function checkC1C2(method: string, c1: number, c2: number): void {
  if (!(0 < c1 && c1 < c2 && c2 < 1)) {
    throw rangeError(
      `minimize(method="${method}"): options c1 and c2 must satisfy 0 < c1 < c2 < 1, got c1=${c1}, c2=${c2}.`,
    );
  }
}

/** The options BFGS and CG read the same way (only c2's default differs, as in scipy). */
export interface GradientOptions {
  gtol: number;
  ord: number;
  eps: number;
  maxiter: number;
  c1: number;
  c2: number;
  relStep: number | null;
}

export function gradientOptions(
  method: string,
  n: number,
  o: Record<string, unknown>,
  c2Default: number,
): GradientOptions {
  const gtol = numOpt(method, o, "gtol", 1e-5);
  const ord = numOpt(method, o, "norm", Number.POSITIVE_INFINITY);
  const eps = numOpt(method, o, "eps", Math.sqrt(2.220446049250313e-16));
  const maxiter = numOpt(method, o, "maxiter", 200 * n);
  const c1 = numOpt(method, o, "c1", 1e-4);
  const c2 = numOpt(method, o, "c2", c2Default);
  checkC1C2(method, c1, c2);
  const relStep = (o.finiteDiffRelStep as number | undefined) ?? null;
  return { gtol, ord, eps, maxiter, c1, c2, relStep };
}

/**
 * scipy's closing block shared by _minimize_bfgs and _minimize_cg: a line-search failure
 * (warnflag 2) wins over hitting maxiter, which wins over a NaN in the final state.
 */
export function gradientResult(
  warnflag: number,
  nit: number,
  maxiter: number,
  gnorm: number,
  fun: number,
  x: Float64Array,
  fields: { jac: Float64Array; hessInv?: NDArray; nfev: number; njev: number },
  allvecs: NDArray[] | undefined,
): OptimizeResult {
  let status = warnflag;
  let message: string;
  if (status === 2) message = STATUS_MESSAGES.prLoss;
  else if (nit >= maxiter) {
    status = 1;
    message = STATUS_MESSAGES.maxiter;
  } else if (Number.isNaN(gnorm) || Number.isNaN(fun) || hasNaN(x)) {
    status = 3;
    message = STATUS_MESSAGES.nan;
  } else message = STATUS_MESSAGES.success;
  // key order matches scipy's printed result, so hessInv sits between jac and nfev
  const res = new OptimizeResult({
    fun,
    jac: vec(fields.jac),
    ...(fields.hessInv ? { hessInv: fields.hessInv } : {}),
    nfev: fields.nfev,
    njev: fields.njev,
    status,
    success: status === 0,
    message,
    x: vec(x),
    nit,
  });
  if (allvecs) res.allvecs = allvecs;
  return res;
}
