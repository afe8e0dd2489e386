import { type ArrayLike, checkOptions, NDArray, rangeError, typeError } from "@nabla/ndarray";
import { describe, type Evaluator, type ScalarLike, toScalar } from "./internal/integrand.js";
import { quadRaw } from "./internal/integrate1d.js";
import { quadMessage } from "./internal/messages.js";
import { checkArgs, type QuadSettings, quadSettings } from "./internal/settings.js";

/** Options of one level of a multiple integral (the subset of quad's options scipy's nquad passes). */
export interface LevelOptions {
  /** Absolute error tolerance. Default 1.49e-8. */
  epsabs?: number;
  /** Relative error tolerance. Default 1.49e-8. */
  epsrel?: number;
  /** Upper bound on the number of subintervals. Default 50. */
  limit?: number;
  /** Break points; those outside the level's range are dropped. */
  points?: ArrayLike;
}

/** A range: a pair `[lo, hi]`, or a function of the outer variables (and args) returning one. */
export type Range = ArrayLike | ((...outer: number[]) => ArrayLike);

/** Options of one level: an object, or a function of the outer variables returning one. */
export type LevelOptionsLike = LevelOptions | ((...outer: number[]) => LevelOptions);

/** Options of {@link nquad}. */
export interface NquadOptions {
  /** Extra arguments passed to the integrand after the variables (and to range/opts functions). */
  args?: readonly number[];
  /** One options object for every level, or one per level (objects or functions), innermost first. */
  opts?: LevelOptions | readonly LevelOptionsLike[];
  /** Accepted for scipy compatibility: `neval` is always reported. */
  fullOutput?: boolean;
}

/** The result of a multiple integral (nquad, dblquad, tplquad). */
export interface NquadResult {
  /** The integral. */
  value: number;
  /** scipy's error estimate: the largest abserr of all the one-dimensional quad calls. */
  abserr: number;
  /** Total number of evaluations of the integrand (scipy's full_output `neval`). */
  neval: number;
  /** 0 if every quad call converged, else the ier of the first one that did not. */
  ier: number;
  /** The message for `ier` (scipy warns with it). */
  message: string;
  /** True when every quad call converged and the integrand never returned NaN. */
  success: boolean;
}

/** A function of n variables (innermost first) and then `args`. */
export type IntegrandND = (...x: number[]) => ScalarLike;

const LEVEL_OPTIONS = ["epsabs", "epsrel", "limit", "points"] as const;

/** Calls `fn` with the values in `argv` (no allocation for the common arities). */
function callWith(fn: (...x: number[]) => unknown, argv: number[]): unknown {
  switch (argv.length) {
    case 0:
      return fn();
    case 1:
      return fn(argv[0]);
    case 2:
      return fn(argv[0], argv[1]);
    case 3:
      return fn(argv[0], argv[1], argv[2]);
    default:
      return fn.apply(undefined, argv);
  }
}

/** The innermost level: the user's integrand with the outer variables filled in. */
class Innermost implements Evaluator {
  constructor(
    private readonly owner: NestedQuad,
    private readonly f: IntegrandND,
    private readonly vals: number[],
  ) {}

  at(t: number): number {
    const vals = this.vals;
    let r: ScalarLike;
    switch (vals.length) {
      case 1:
        r = this.f(t);
        break;
      case 2:
        r = this.f(t, vals[1]);
        break;
      case 3:
        r = this.f(t, vals[1], vals[2]);
        break;
      default:
        vals[0] = t;
        r = this.f.apply(undefined, vals);
    }
    const y = typeof r === "number" ? r : toScalar(this.owner.fn, r);
    if (Number.isNaN(y)) this.owner.sawNaN = true;
    return y;
  }
}

/** An outer level: its integrand is the integral over the next inner variable. */
class Level implements Evaluator {
  constructor(
    private readonly owner: NestedQuad,
    private readonly ind: number,
  ) {}

  at(t: number): number {
    this.owner.vals[this.ind] = t;
    return this.owner.integrate(this.ind - 1);
  }
}

/**
 * The nested quad calls of scipy's `_NQuad`: level `ind` integrates variable x_ind with the
 * variables outside it held in `vals` (vals[ind + 1 ..] = x_{ind+1}, ..., x_{n-1}, ...args).
 */
export class NestedQuad {
  readonly vals: number[];
  sawNaN = false;
  private maxErr = 0;
  private neval = 0;
  private ier = 0;
  private limitAtIer = 50;
  private readonly levels: Evaluator[];
  /** Per level, the arguments of its range and opts functions (the outer variables, args). */
  private readonly outer: number[][];

  constructor(
    readonly fn: string,
    f: IntegrandND,
    private readonly ranges: ((...outer: number[]) => unknown)[],
    private readonly opts: ((...outer: number[]) => QuadSettings)[],
    args: readonly number[],
  ) {
    const n = ranges.length;
    const vals = new Array<number>(n + args.length).fill(0);
    for (let i = 0; i < args.length; i++) vals[n + i] = args[i];
    this.vals = vals;
    this.levels = ranges.map((_, ind) =>
      ind === 0 ? new Innermost(this, f, vals) : new Level(this, ind),
    );
    this.outer = ranges.map((_, ind) => vals.slice(ind + 1));
  }

  run(): NquadResult {
    const value = this.integrate(this.ranges.length - 1);
    const failed = this.ier !== 0;
    let message = quadMessage(this.ier, this.limitAtIer);
    if (this.sawNaN) message += " The integrand returned NaN.";
    return {
      value,
      abserr: this.maxErr,
      neval: this.neval,
      ier: this.ier,
      message,
      success: !failed && !this.sawNaN,
    };
  }

  integrate(ind: number): number {
    const vals = this.vals;
    const outer = this.outer[ind];
    for (let i = 0; i < outer.length; i++) outer[i] = vals[ind + 1 + i];
    const range = callWith(this.ranges[ind], outer);
    let lo: number;
    let hi: number;
    if (
      Array.isArray(range) &&
      range.length === 2 &&
      typeof range[0] === "number" &&
      typeof range[1] === "number"
    ) {
      lo = range[0];
      hi = range[1];
    } else {
      [lo, hi] = this.pair(ind, range);
    }
    if (Number.isNaN(lo) || Number.isNaN(hi)) this.badRange(ind, lo, hi);
    const settings = callWith(this.opts[ind], outer) as QuadSettings;
    const s =
      settings.points === undefined
        ? settings
        : { ...settings, points: settings.points.filter((p) => lo <= p && p <= hi) };
    const raw = quadRaw(this.levels[ind], lo, hi, s);
    if (ind === 0) this.neval += raw.neval;
    // Python's max(): a NaN estimate does not replace a number.
    if (raw.abserr > this.maxErr) this.maxErr = raw.abserr;
    if (raw.ier !== 0 && this.ier === 0) {
      this.ier = raw.ier;
      this.limitAtIer = s.limit;
    }
    return raw.result;
  }

  private pair(ind: number, range: unknown): [number, number] {
    let pair: unknown[] | undefined;
    if (Array.isArray(range)) pair = range;
    else if (range instanceof NDArray) pair = Array.from(range.toTypedArray(), Number);
    else if (ArrayBuffer.isView(range)) pair = Array.from(range as Float64Array, Number);
    if (pair === undefined || pair.length !== 2) {
      throw typeError(
        `${this.fn}: the range of variable ${ind} must be a pair [lo, hi], got ${describe(range)}.`,
      );
    }
    const [lo, hi] = pair;
    if (typeof lo !== "number" || typeof hi !== "number") return this.badRange(ind, lo, hi);
    return [lo, hi];
  }

  private badRange(ind: number, lo: unknown, hi: unknown): never {
    const at =
      ind < this.ranges.length - 1 ? ` at outer variables (${this.outer[ind].join(", ")})` : "";
    throw rangeError(
      `${this.fn}: the range of variable ${ind} must be two numbers (not NaN), got [${String(lo)}, ${String(hi)}]${at}.`,
    );
  }
}

/** Validates a level's options once (objects) or per call (functions). */
export function levelSettings(
  fn: string,
  opt: LevelOptionsLike,
): (...outer: number[]) => QuadSettings {
  if (typeof opt === "function") {
    return (...outer) => {
      const o = opt(...outer);
      checkOptions(fn, o, LEVEL_OPTIONS);
      return quadSettings(fn, o);
    };
  }
  if (opt === null || typeof opt !== "object" || Array.isArray(opt)) {
    throw typeError(
      `${fn}: each opts entry must be an options object or a function, got ${describe(opt)}.`,
    );
  }
  checkOptions(fn, opt, LEVEL_OPTIONS);
  const s = quadSettings(fn, opt);
  return () => s;
}

/**
 * Integrates `f(x0, x1, ..., xn-1)` over nested ranges, as scipy.integrate.nquad: `ranges[0]`
 * is the innermost variable x0, and a range may be a function of the variables outside it
 * (`ranges[i](x_{i+1}, ..., x_{n-1}, ...args)` returns `[lo, hi]`). Each level is a quad call
 * whose integrand is the next inner integral. `abserr` is scipy's: the largest error estimate
 * of all the quad calls; `neval` counts integrand evaluations.
 *
 * @example
 * nquad((x, y) => x * y, [[0, 1], [0, 2]]); // { value: 0.9999999999999999, abserr: 1.11e-14, neval: 441, ... }
 * // the unit disk, inner range depending on the outer variable
 * nquad(() => 1, [(x) => [-Math.sqrt(1 - x * x), Math.sqrt(1 - x * x)], [-1, 1]]).value; // 3.1415926535897967
 * // break points per level: a function of the outer variables
 * nquad((x, y) => Math.abs(x - y), [[0, 1], [0, 1]], { opts: [(y) => ({ points: [y] }), {}] });
 */
export function nquad(
  f: IntegrandND,
  ranges: readonly Range[],
  options?: NquadOptions,
): NquadResult {
  if (typeof f !== "function") {
    throw typeError(`nquad: the integrand must be a function, got ${typeof f}.`);
  }
  checkOptions("nquad", options, ["args", "opts", "fullOutput"]);
  if (!Array.isArray(ranges) || ranges.length === 0) {
    throw typeError(
      `nquad: ranges must be a non-empty array of [lo, hi] pairs or functions, got ${describe(ranges)}.`,
    );
  }
  const n = ranges.length;
  const args = checkArgs("nquad", options?.args) ?? [];
  const rangeFns = ranges.map((r) => (typeof r === "function" ? r : () => r));
  const opts = options?.opts;
  let optFns: ((...outer: number[]) => QuadSettings)[];
  if (opts === undefined || opts === null) {
    const s = quadSettings("nquad", undefined);
    optFns = ranges.map(() => () => s);
  } else if (Array.isArray(opts)) {
    if (opts.length !== n) {
      throw rangeError(`nquad: opts must have one entry per range (${n}), got ${opts.length}.`);
    }
    optFns = (opts as LevelOptionsLike[]).map((o) => levelSettings("nquad", o));
  } else {
    const one = levelSettings("nquad", opts as LevelOptionsLike);
    optFns = ranges.map(() => one);
  }
  const full = options?.fullOutput;
  if (full !== undefined && typeof full !== "boolean") {
    throw typeError(`nquad: fullOutput must be a boolean, got ${typeof full}.`);
  }
  return new NestedQuad("nquad", f, rangeFns, optFns, args).run();
}
