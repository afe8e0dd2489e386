import {
  type ArrayLike,
  asarray,
  checkOptions,
  NDArray,
  rangeError,
  typeError,
} from "@nabla/ndarray";
import {
  type Evaluator,
  type ScalarIntegrand,
  type ScalarLike,
  scalarIntegrand,
} from "./internal/integrand.js";
import { quadMessage } from "./internal/messages.js";
import { type BreakLists, qagpe } from "./internal/qagpe.js";
import { qagse } from "./internal/qagse.js";
import { GaussKronrod15Infinite } from "./internal/qk15i.js";
import { GaussKronrod21 } from "./internal/qk21.js";
import { acquire, type RawQuad, release } from "./internal/workspace.js";

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
const EPS50 = 50 * 2.220446049250313e-16;

/** Validated tolerances and limit, shared by quad and the multiple integrals. */
export interface QuadSettings {
  epsabs: number;
  epsrel: number;
  limit: number;
  points: number[] | undefined;
}

/** Checks quad's options; `fn` names the public caller in messages. */
export function quadSettings(fn: string, options: QuadOptions | undefined): QuadSettings {
  const epsabs = options?.epsabs ?? 1.49e-8;
  const epsrel = options?.epsrel ?? 1.49e-8;
  const limit = options?.limit ?? 50;
  if (typeof epsabs !== "number" || Number.isNaN(epsabs)) {
    throw rangeError(`${fn}: epsabs must be a number, got ${String(epsabs)}.`);
  }
  if (typeof epsrel !== "number" || Number.isNaN(epsrel)) {
    throw rangeError(`${fn}: epsrel must be a number, got ${String(epsrel)}.`);
  }
  if (epsabs <= 0 && epsrel < Math.max(EPS50, 5e-29)) {
    throw rangeError(
      `${fn}: If 'epsabs'<=0, 'epsrel' must be greater than both 5e-29 and 50*(machine epsilon), got epsabs=${epsabs}, epsrel=${epsrel}.`,
    );
  }
  if (typeof limit !== "number" || !Number.isInteger(limit)) {
    throw rangeError(`${fn}: limit must be an integer, got ${String(limit)}.`);
  }
  if (limit < 1) {
    throw rangeError(
      `${fn}: Invalid 'limit' argument. There must be at least one subinterval (limit >= 1), got ${limit}.`,
    );
  }
  let points: number[] | undefined;
  if (options?.points !== undefined && options.points !== null) {
    const p = asarray(options.points);
    points = Array.from(p.ravel().toTypedArray(), Number);
    if (points.some(Number.isNaN)) throw rangeError(`${fn}: points must not contain NaN.`);
  }
  return { epsabs, epsrel, limit, points };
}

/** Copies of the work lists for `fullOutput` (the workspace itself is recycled). */
export interface InfoLists {
  alist: Float64Array;
  blist: Float64Array;
  rlist: Float64Array;
  elist: Float64Array;
  iord: Int32Array;
  pts?: Float64Array;
  level?: Int32Array;
  ndin?: Int32Array;
}

function copyPrefix<T extends Float64Array | Int32Array>(src: T, used: number, length: number): T {
  const dst = new (src.constructor as new (n: number) => T)(length);
  dst.set(src.subarray(0, Math.min(used, length)));
  return dst;
}

/**
 * Runs QAGS, QAGI or QAGP on a plain number->number integrand with a < b already arranged.
 * With `info`, the work lists are copied into it (first `last` entries, zeros after).
 */
export function integrate1d(
  g: Evaluator,
  a: number,
  b: number,
  s: QuadSettings,
  info?: (lists: InfoLists) => void,
): RawQuad {
  const { epsabs, epsrel, limit } = s;
  const infinite = a === Number.NEGATIVE_INFINITY || b === Number.POSITIVE_INFINITY;
  let inside: number[] | undefined;
  if (s.points !== undefined) {
    if (infinite) throw rangeError("quad: Infinity inputs cannot be used with break points.");
    // As scipy: unique, sorted, strictly inside (a, b).
    inside = [...new Set(s.points)].sort((p, q) => p - q).filter((p) => a < p && p < b);
    if (inside.length >= limit) {
      throw rangeError(
        `quad: Number of break points (${inside.length}) must be less than subinterval limit (${limit}).`,
      );
    }
  }
  const w = acquire(limit);
  try {
    const fv = w.fv;
    let raw: RawQuad;
    let lists: BreakLists | undefined;
    if (inside !== undefined) {
      lists = { pts: new Float64Array(inside.length + 2), ndin: new Int32Array(inside.length + 2) };
      raw = qagpe(new GaussKronrod21(g, fv), a, b, inside, epsabs, epsrel, limit, w, lists);
    } else if (!infinite) {
      raw = qagse(new GaussKronrod21(g, fv), a, b, epsabs, epsrel, limit, w, false);
      raw.neval = 42 * raw.last - 21;
    } else {
      // (bound, inf) -> inf = 1; (-inf, bound) -> -1; (-inf, inf) -> 2, mapped onto t in (0, 1].
      const inf = a === Number.NEGATIVE_INFINITY ? (b === Number.POSITIVE_INFINITY ? 2 : -1) : 1;
      const bound = inf === 2 ? 0 : inf === 1 ? a : b;
      const rule = new GaussKronrod15Infinite(g, bound, inf, fv);
      raw = qagse(rule, 0, 1, epsabs, epsrel, limit, w, true);
      raw.neval = (30 * raw.last - 15) * (inf === 2 ? 2 : 1);
    }
    if (info !== undefined) {
      const used = raw.last;
      info({
        alist: copyPrefix(w.alist, used, limit),
        blist: copyPrefix(w.blist, used, limit),
        rlist: copyPrefix(w.rlist, used, limit),
        elist: copyPrefix(w.elist, used, limit),
        iord: copyPrefix(w.iord, used, limit),
        ...(lists
          ? { pts: lists.pts, ndin: lists.ndin, level: copyPrefix(w.level, used, limit) }
          : {}),
      });
    }
    return raw;
  } finally {
    release(w);
  }
}

/** quad's arithmetic without validation or infodict: a == b gives 0, b < a negates. */
export function quadRaw(g: Evaluator, a: number, b: number, s: QuadSettings): RawQuad {
  if (a === b) return { result: 0, abserr: 0, ier: 0, last: 0, neval: 0 };
  const flip = b < a;
  const raw = integrate1d(g, flip ? b : a, flip ? a : b, s);
  if (flip) raw.result = -raw.result;
  return raw;
}

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

export function checkBound(fn: string, name: string, value: unknown): void {
  if (typeof value !== "number") {
    throw typeError(`${fn}: the bound ${name} must be a number, got ${typeof value}.`);
  }
  if (Number.isNaN(value)) throw rangeError(`${fn}: the bound ${name} is NaN.`);
}

export function checkArgs(fn: string, args: unknown): number[] | undefined {
  if (args === undefined || args === null) return undefined;
  if (!Array.isArray(args)) {
    throw typeError(
      `${fn}: args must be an array of extra arguments for the integrand, got ${typeof args}.`,
    );
  }
  return [...args];
}
