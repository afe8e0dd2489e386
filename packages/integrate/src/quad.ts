import { type ArrayLike, checkOptions, NDArray, typeError } from "@nabla/ndarray";
import { type ScalarIntegrand, type ScalarLike, scalarIntegrand } from "./internal/integrand.js";
import { type InfoLists, integrate1d } from "./internal/integrate1d.js";
import { quadMessage } from "./internal/messages.js";
import { checkArgs, checkBound, quadSettings } from "./internal/settings.js";
import type { RawQuad } from "./internal/workspace.js";

/** Options of {@link quad} (scipy's keyword arguments, camelCase). */
export interface QuadOptions {
  /** Absolute error tolerance. Default 1.49e-8. */
  epsabs?: number;
  /** Relative error tolerance. Default 1.49e-8. */
  epsrel?: number;
  /** Upper bound on the number of subintervals. Default 50. */
  limit?: number;
  /** Break points inside (a, b) where the integrand is singular or kinks (QAGP); finite bounds only. */
  points?: ArrayLike;
  /** Also return QUADPACK's subinterval lists (scipy's `infodict`). Default false. */
  fullOutput?: boolean;
  /** Extra arguments passed to the integrand after x: `f(x, ...args)`. */
  args?: readonly number[];
}

/** The result of {@link quad}: scipy's `(y, abserr)` plus the infodict's counters and the status. */
export interface QuadResult {
  /** The integral. */
  value: number;
  /** Estimate of the absolute error. */
  abserr: number;
  /** Number of integrand evaluations. */
  neval: number;
  /** Number of subintervals used. */
  last: number;
  /** QUADPACK's status: 0 converged; 1 limit reached; 2 roundoff; 3 bad integrand; 4 extrapolation roundoff; 5 divergent. */
  ier: number;
  /** scipy's message for `ier` (and a note if the integrand returned NaN). */
  message: string;
  /** True when ier is 0 and the integrand never returned NaN. */
  success: boolean;
  /** With `fullOutput`: left ends of the subintervals (`limit` entries, the first `last` used). */
  alist?: NDArray;
  /** With `fullOutput`: right ends of the subintervals. */
  blist?: NDArray;
  /** With `fullOutput`: integral over each subinterval. */
  rlist?: NDArray;
  /** With `fullOutput`: error estimate of each subinterval. */
  elist?: NDArray;
  /** With `fullOutput`: subinterval indices by decreasing error (0-based, int32). */
  iord?: NDArray;
  /** With `fullOutput` and `points`: the break points with the bounds, sorted. */
  pts?: NDArray;
  /** With `fullOutput` and `points`: bisection level of each subinterval (int32). */
  level?: NDArray;
  /** With `fullOutput` and `points`: 1 where the error at a break point was raised to the total (int32). */
  ndin?: NDArray;
}

/** An integrand: called with a JS number, returns a number or a size-1 NDArray. */
export type Integrand1D = (x: number, ...args: number[]) => ScalarLike;

const OPTIONS = ["epsabs", "epsrel", "limit", "points", "fullOutput", "args"] as const;

/**
 * Computes a definite integral of `f` from `a` to `b` (possibly infinite) with QUADPACK, as
 * scipy.integrate.quad does: QAGS (21-point Gauss-Kronrod, bisection and Wynn-epsilon
 * extrapolation) on finite intervals, QAGI (15-point rule after mapping to (0, 1]) when a bound
 * is infinite, QAGP when `points` are given. Same arithmetic as scipy's QUADPACK, so `value`,
 * `abserr` and `neval` agree with scipy's. Failures (subdivision limit, roundoff, divergence)
 * come back with `success: false`, scipy's `ier` and message; they never throw.
 *
 * @example
 * quad((x) => x ** 2, 0, 4); // { value: 21.333333333333336, abserr: 2.368e-13, neval: 21, ... }
 * quad((x) => 1 / Math.sqrt(x), 0, 1).value; // 1.9999999999999984 (neval 231)
 * quad((x) => Math.exp(-x * x), -Infinity, Infinity).value; // 1.7724538509055159
 * quad((x) => Math.abs(x - 0.3), 0, 1, { points: [0.3] }).value; // 0.29
 */
export function quad(f: Integrand1D, a: number, b: number, options?: QuadOptions): QuadResult {
  if (typeof f !== "function") {
    throw typeError(`quad: the integrand must be a function of x, got ${typeof f}.`);
  }
  checkOptions("quad", options, OPTIONS);
  checkBound("quad", "a", a);
  checkBound("quad", "b", b);
  const settings = quadSettings("quad", options);
  const args = checkArgs("quad", options?.args);
  const full = options?.fullOutput ?? false;
  if (typeof full !== "boolean")
    throw typeError(`quad: fullOutput must be a boolean, got ${typeof full}.`);
  const { limit } = settings;

  if (a === b) {
    // scipy 1.17's shortcut: an empty interval, no evaluation.
    const result: QuadResult = {
      value: 0,
      abserr: 0,
      neval: 0,
      last: 0,
      ier: 0,
      message: quadMessage(0, limit),
      success: true,
    };
    if (full) {
      result.alist = new NDArray(new Float64Array(limit).fill(Number.NaN), [limit]);
      result.blist = new NDArray(new Float64Array(limit).fill(Number.NaN), [limit]);
      result.rlist = new NDArray(new Float64Array(limit), [limit]);
      result.elist = new NDArray(new Float64Array(limit), [limit]);
      result.iord = new NDArray(new Int32Array(limit), [limit]);
    }
    return result;
  }
  const flip = b < a;
  const lo = flip ? b : a;
  const hi = flip ? a : b;
  const integrand = scalarIntegrand("quad", f, args);
  let info: InfoLists | undefined;
  const raw = integrate1d(
    integrand,
    lo,
    hi,
    settings,
    full ? (lists) => (info = lists) : undefined,
  );
  const result = quadResult(raw, limit, integrand);
  if (flip) result.value = -result.value;
  if (info !== undefined) {
    result.alist = new NDArray(info.alist, [limit]);
    result.blist = new NDArray(info.blist, [limit]);
    result.rlist = new NDArray(info.rlist, [limit]);
    result.elist = new NDArray(info.elist, [limit]);
    result.iord = new NDArray(info.iord, [limit]);
    if (info.pts !== undefined && info.level !== undefined && info.ndin !== undefined) {
      result.pts = new NDArray(info.pts, [info.pts.length]);
      result.level = new NDArray(info.level, [limit]);
      result.ndin = new NDArray(info.ndin, [info.ndin.length]);
    }
  }
  return result;
}

/** Builds the public result from a driver's output. */
export function quadResult(raw: RawQuad, limit: number, integrand: ScalarIntegrand): QuadResult {
  let message = quadMessage(raw.ier, limit);
  if (integrand.sawNaN) {
    message += ` The integrand returned NaN (first at x = ${integrand.nanAt}).`;
  }
  return {
    value: raw.result,
    abserr: raw.abserr,
    neval: raw.neval,
    last: raw.last,
    ier: raw.ier,
    message,
    success: raw.ier === 0 && !integrand.sawNaN,
  };
}
