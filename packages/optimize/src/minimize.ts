import {
  type ArrayLike,
  asarray,
  checkOptions,
  NDArray,
  rangeError,
  type ScalarLike,
  ShapeError,
  typeError,
} from "@nabla/ndarray";
import { type BoundsLike, standardizeBounds } from "./bounds.js";
import { HessianUpdateStrategy } from "./hessianUpdateStrategy.js";
import { copyF64 } from "./internal/alloc.js";
import { toMatrix, toScalar, toVector, wrapX } from "./internal/convert.js";
import { intermediate, type Problem } from "./internal/problem.js";
import { minimizeBfgs } from "./methods/bfgs.js";
import { minimizeCg } from "./methods/cg.js";
import { minimizeDogleg } from "./methods/dogleg.js";
import { minimizeLbfgsb } from "./methods/lbfgsb/lbfgsb.js";
import { minimizeNelderMead } from "./methods/nelderMead.js";
import { minimizeNewtonCg } from "./methods/newtonCg.js";
import { minimizePowell } from "./methods/powell.js";
import { minimizeTrustExact } from "./methods/trustExact.js";
import { minimizeTrustKrylov } from "./methods/trustKrylov.js";
import { minimizeTrustNcg } from "./methods/trustNcg.js";
import { OptimizeResult } from "./optimizeResult.js";
import { StopIteration } from "./stopIteration.js";

/**
 * A value a user function may return: a number, an NDArray (0-d too), (nested) number arrays, or
 * any scalar with numpy's `item()` (a value computed by @nabla/autodiff's `np`).
 */
export type Returned =
  | number
  | NDArray
  | ArrayLike
  | readonly number[]
  | readonly (readonly number[])[]
  | ScalarLike;

/** The objective: receives x as a float64 1-D NDArray (a copy), returns a scalar. */
export type ObjectiveFunction = (x: NDArray) => Returned;

/**
 * An objective written for @nabla/autodiff, e.g. `(X: Tracer) => Tracer`: it runs eagerly on the
 * NDArray that minimize passes, so its parameter type does not matter to minimize.
 */
export type TracedObjective = (x: never) => Returned;

/** Options of {@link minimize}; `options` holds the method's own settings (camelCase scipy names). */
export interface MinimizeOptions {
  /** "BFGS" (default without bounds), "L-BFGS-B" (default with bounds), "CG", "Newton-CG", "Nelder-Mead", "Powell", "dogleg", "trust-ncg", "trust-exact", "trust-krylov". Case-insensitive. */
  method?: string;
  /** Gradient: a function, `true` (fun returns `[f, g]`), "2-point"/"3-point", or absent for forward differences. */
  jac?: ((x: NDArray) => Returned) | boolean | "2-point" | "3-point" | null;
  /** Hessian: a function returning an n×n array, "2-point"/"3-point", or a {@link HessianUpdateStrategy}. */
  hess?: ((x: NDArray) => Returned) | "2-point" | "3-point" | HessianUpdateStrategy | null;
  /** Hessian times an arbitrary vector p. */
  hessp?: ((x: NDArray, p: NDArray) => Returned) | null;
  /** Box bounds: a {@link Bounds} or one `[lo, hi]` pair per coordinate (null for none). */
  bounds?: BoundsLike | null;
  /** Tolerance for termination; sets the method's main tolerance(s) as scipy does. */
  tol?: number | null;
  /** Called after each iteration with `{ x, fun }`; return `true` or throw {@link StopIteration} to stop. */
  callback?: ((intermediateResult: OptimizeResult) => unknown) | null;
  /** Method-specific options (maxiter, gtol, ...). */
  options?: Record<string, unknown> | null;
}

type MethodFn = (p: Problem, o: Record<string, unknown>) => OptimizeResult;

interface MethodInfo {
  name: string;
  run: MethodFn;
  needsJac?: boolean;
  needsHess?: "hess" | "hessOrHessp";
  bounds?: boolean;
  fdJac?: boolean;
  tol: readonly string[];
}

const METHODS: Record<string, MethodInfo> = {
  "nelder-mead": {
    name: "Nelder-Mead",
    run: minimizeNelderMead,
    bounds: true,
    tol: ["xatol", "fatol"],
  },
  powell: { name: "Powell", run: minimizePowell, bounds: true, tol: ["xtol", "ftol"] },
  cg: { name: "CG", run: minimizeCg, fdJac: true, tol: ["gtol"] },
  bfgs: { name: "BFGS", run: minimizeBfgs, fdJac: true, tol: ["gtol"] },
  "l-bfgs-b": {
    name: "L-BFGS-B",
    run: minimizeLbfgsb,
    fdJac: true,
    bounds: true,
    tol: ["ftol", "gtol"],
  },
  "newton-cg": { name: "Newton-CG", run: minimizeNewtonCg, needsJac: true, tol: ["xtol"] },
  dogleg: { name: "dogleg", run: minimizeDogleg, needsJac: true, needsHess: "hess", tol: ["gtol"] },
  "trust-ncg": {
    name: "trust-ncg",
    run: minimizeTrustNcg,
    needsJac: true,
    needsHess: "hessOrHessp",
    tol: ["gtol"],
  },
  "trust-exact": {
    name: "trust-exact",
    run: minimizeTrustExact,
    needsJac: true,
    needsHess: "hess",
    tol: ["gtol"],
  },
  "trust-krylov": {
    name: "trust-krylov",
    run: minimizeTrustKrylov,
    needsJac: true,
    needsHess: "hessOrHessp",
    tol: ["gtol"],
  },
};

const VALID = () =>
  Object.values(METHODS)
    .map((m) => `"${m.name}"`)
    .join(", ");

const MINIMIZE_OPTIONS = [
  "method",
  "jac",
  "hess",
  "hessp",
  "bounds",
  "tol",
  "callback",
  "options",
] as const;

/**
 * Minimizes a scalar function of one or more variables (scipy.optimize.minimize), with scipy's
 * methods, defaults, stopping rules and result fields. Failures to converge are reported in the
 * result (`success: false`, `status`, `message`), not thrown.
 *
 * @example
 * const rosen = (x) => { const [a, b] = x.toArray(); return (1 - a) ** 2 + 100 * (b - a * a) ** 2; };
 * const res = minimize(rosen, [1, 0]);
 * res.x;    // ≈ [1, 1]
 * res.nit;  // 32
 * minimize(rosen, [1, 0], { method: "dogleg", jac: rosenDer, hess: rosenHess });
 */
export function minimize(
  fun: ObjectiveFunction,
  x0: ArrayLike,
  options?: MinimizeOptions,
): OptimizeResult;
export function minimize(
  fun: TracedObjective,
  x0: ArrayLike,
  options?: MinimizeOptions,
): OptimizeResult;
export function minimize(
  fun: ObjectiveFunction | TracedObjective,
  x0: ArrayLike,
  options: MinimizeOptions = {},
): OptimizeResult {
  checkOptions("minimize", options, MINIMIZE_OPTIONS);
  if (typeof fun !== "function")
    throw typeError(`minimize: fun must be a function of x, got ${typeof fun}.`);
  let x0a: NDArray;
  try {
    x0a = asarray(x0 as ArrayLike, { dtype: "float64" });
  } catch (e) {
    throw typeError(
      `minimize: x0 must be a number or a 1-D array of numbers (${(e as Error).message}).`,
    );
  }
  if (x0a.ndim > 1) {
    throw new ShapeError(
      `minimize: 'x0' must only have one dimension, got shape [${x0a.shape.join(",")}]. Flatten it (x0.ravel()) and reshape inside fun.`,
    );
  }
  const x0f = new Float64Array(x0a.toTypedArray() as Float64Array);
  const n = x0f.length;
  if (n === 0) throw new ShapeError("minimize: x0 must have at least one element.");

  const { method: methodOpt, jac, hess, hessp, bounds, tol, callback } = options;
  const methodName = methodOpt ?? (bounds !== undefined && bounds !== null ? "L-BFGS-B" : "BFGS");
  if (typeof methodName !== "string")
    throw typeError(`minimize: method must be a string, got ${typeof methodName}.`);
  const info = METHODS[methodName.toLowerCase()];
  if (!info)
    throw rangeError(`minimize: unknown solver "${methodName}". Valid methods: ${VALID()}.`);
  const mname = info.name;
  const fn = `minimize(method="${mname}")`;

  let o: Record<string, unknown> = { ...(options.options ?? {}) };
  if (tol !== undefined && tol !== null) {
    if (typeof tol !== "number" || !(tol >= 0))
      throw rangeError(`minimize: tol must be a non-negative number, got ${String(tol)}.`);
    for (const k of info.tol) if (o[k] === undefined) o[k] = tol;
  }

  // objective
  let memo: { x: Float64Array; f: number; g: Float64Array } | null = null;
  // Both overloads take the NDArray minimize builds; the second differs only in its declared type.
  const callFun = (x: Float64Array): unknown => (fun as ObjectiveFunction)(wrapX(x));
  let objective: (x: Float64Array) => number;
  let gradient: Problem["jac"] = null;
  if (jac === true) {
    const compute = (x: Float64Array) => {
      if (memo === null || !sameArray(memo.x, x)) {
        const r = callFun(x);
        if (!Array.isArray(r) || r.length !== 2) {
          throw typeError(
            `${fn}: with jac: true, fun must return [f, g] (value and gradient), got ${Array.isArray(r) ? `an array of length ${r.length}` : typeof r}.`,
          );
        }
        memo = {
          x: copyF64(x),
          f: toScalar(fn, r[0]),
          g: toVector(fn, "the gradient returned by fun", r[1], n),
        };
      }
      return memo;
    };
    objective = (x) => compute(x).f;
    gradient = (x) => copyF64(compute(x).g);
  } else {
    objective = (x) => toScalar(fn, callFun(x));
    if (typeof jac === "function") gradient = (x) => toVector(fn, "jac", jac(wrapX(x)), n);
    else if (jac === "2-point" || jac === "3-point") gradient = info.fdJac ? jac : null;
    else if ((jac as unknown) === "cs")
      throw rangeError(
        `${fn}: complex-step derivatives ("cs") are not supported; use "2-point" or "3-point".`,
      );
    else if (jac !== undefined && jac !== null && jac !== false) {
      throw typeError(
        `${fn}: jac must be a function, true, "2-point", "3-point" or null, got ${String(jac)}.`,
      );
    }
  }
  if (info.needsJac && typeof gradient !== "function") {
    throw rangeError(
      `${fn}: Jacobian is required for ${mname} ${mname === "Newton-CG" ? "method" : "minimization"}. Pass jac: a gradient function (or jac: true with fun returning [f, g]).`,
    );
  }

  let hessian: Problem["hess"] = null;
  if (typeof hess === "function") hessian = (x) => toMatrix(fn, "hess", hess(wrapX(x)), n);
  else if (hess === "2-point" || hess === "3-point" || hess instanceof HessianUpdateStrategy)
    hessian = hess;
  else if (hess !== undefined && hess !== null) {
    throw typeError(
      `${fn}: hess must be a function, "2-point", "3-point" or a HessianUpdateStrategy (new BFGS(), new SR1()), got ${String(hess)}.`,
    );
  }
  let hessVec: Problem["hessp"] = null;
  if (typeof hessp === "function")
    hessVec = (x, p) => toVector(fn, "hessp", hessp(wrapX(x), wrapX(p)), n);
  else if (hessp !== undefined && hessp !== null)
    throw typeError(`${fn}: hessp must be a function (x, p) => H(x) p, got ${typeof hessp}.`);
  if (info.needsHess === "hess" && typeof hessian !== "function") {
    throw rangeError(
      `${fn}: Hessian is required for ${mname} minimization. Pass hess: a function returning the n×n Hessian${mname === "trust-exact" ? ", or a HessianUpdateStrategy" : ""}.`,
    );
  }
  if (info.needsHess === "hessOrHessp" && hessian === null && hessVec === null) {
    throw rangeError(
      `${fn}: either the Hessian or the Hessian-vector product is required for ${mname} minimization. Pass hess or hessp.`,
    );
  }

  let lb: Float64Array | null = null;
  let ub: Float64Array | null = null;
  if (bounds !== undefined && bounds !== null) {
    if (!info.bounds)
      throw rangeError(
        `${fn}: method ${mname} cannot handle bounds. Use "L-BFGS-B", "Nelder-Mead" or "Powell".`,
      );
    ({ lb, ub } = standardizeBounds(fn, bounds, n));
  }

  const state = { stopped: false };
  let cb: Problem["callback"] = null;
  if (typeof callback === "function") {
    cb = (x, f) => {
      try {
        const r = callback(intermediate(x, f));
        if (r === true) {
          state.stopped = true;
          return true;
        }
        return false;
      } catch (e) {
        if (e instanceof StopIteration || (e instanceof Error && e.name === "StopIteration")) {
          state.stopped = true;
          return true;
        }
        throw e;
      }
    };
  } else if (callback !== undefined && callback !== null) {
    throw typeError(`${fn}: callback must be a function, got ${typeof callback}.`);
  }

  o = { ...o };
  let problem: Problem = {
    n,
    x0: x0f,
    fun: objective,
    jac: gradient,
    hess: hessian,
    hessp: hessVec,
    lb,
    ub,
    callback: cb,
    method: mname,
  };
  // L-BFGS-B cannot difference along a variable fixed by equal bounds: like scipy, solve for the
  // free variables only (or return at once when every variable is fixed)
  let fixed: Uint8Array | null = null;
  if (mname === "L-BFGS-B" && lb !== null && ub !== null) {
    const isFixed = new Uint8Array(n);
    let nFixed = 0;
    for (let i = 0; i < n; i++) {
      if (lb[i] === ub[i]) {
        isFixed[i] = 1;
        nFixed++;
      }
    }
    if (nFixed === n) {
      const x = new Float64Array(lb);
      return new OptimizeResult({
        message: "All independent variables were fixed by bounds.",
        success: true,
        fun: objective(x),
        x: new NDArray(x, [n]),
        nfev: 1,
        njev: 0,
        nhev: 0,
      } as never);
    }
    if (nFixed > 0 && typeof gradient !== "function") {
      fixed = isFixed;
      problem = removeFixed(problem, isFixed, lb);
    }
  }
  const res = info.run(problem, o);
  if (fixed !== null) {
    const full = (a: Float64Array, fill: Float64Array | number) => {
      const out = new Float64Array(n);
      for (let i = 0, k = 0; i < n; i++)
        out[i] = (fixed as Uint8Array)[i] ? (typeof fill === "number" ? fill : fill[i]) : a[k++];
      return new NDArray(out, [n]);
    };
    res.x = full(res.x.toTypedArray() as Float64Array, lb as Float64Array);
    if (res.jac) res.jac = full(res.jac.toTypedArray() as Float64Array, Number.NaN);
    res.hessInv = null as never;
  }
  if (state.stopped) {
    res.success = false;
    res.status = 99;
    res.message = "`callback` raised `StopIteration`.";
  }
  return res;
}

/** The problem in the free variables only; fixed ones are put back before every user call. */
function removeFixed(p: Problem, isFixed: Uint8Array, values: Float64Array): Problem {
  const n = p.n;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (!isFixed[i]) free.push(i);
  const expand = (xr: Float64Array) => {
    const x = new Float64Array(values);
    for (let k = 0; k < free.length; k++) x[free[k]] = xr[k];
    return x;
  };
  const pick = (a: Float64Array) => Float64Array.from(free, (i) => a[i]);
  const cb = p.callback;
  return {
    ...p,
    n: free.length,
    x0: pick(p.x0),
    fun: (xr) => p.fun(expand(xr)),
    lb: pick(p.lb as Float64Array),
    ub: pick(p.ub as Float64Array),
    callback: cb === null ? null : (xr, f) => cb(expand(xr), f),
  };
}

function sameArray(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
