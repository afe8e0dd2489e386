import { checkOptions, rangeError, typeError } from "@nabla/ndarray";
import { toScalar } from "./internal/convert.js";
import { bounded, brent, golden, recoverFromBracketError } from "./internal/scalarSearch.js";
import { OptimizeResult } from "./optimizeResult.js";

/** Options of {@link minimizeScalar}. */
export interface MinimizeScalarOptions {
  /** "brent" (default without bounds), "bounded" (default with bounds) or "golden". */
  method?: "brent" | "bounded" | "golden" | "Brent" | "Bounded" | "Golden";
  /** Starting bracket: [xa, xb] to grow from, or [xa, xb, xc] with f(xb) below both ends. */
  bracket?: readonly number[] | null;
  /** [lo, hi] for method "bounded" (both finite). */
  bounds?: readonly [number, number] | null;
  /** Tolerance: xtol for brent/golden, xatol for bounded. */
  tol?: number | null;
  /** Method options: maxiter, xtol (brent, golden) or xatol (bounded). */
  options?: { maxiter?: number; xtol?: number; xatol?: number } | null;
}

const OPTIONS = ["method", "bracket", "bounds", "tol", "options"] as const;

/**
 * Minimizes a function of one variable (scipy.optimize.minimize_scalar) with Brent's method,
 * golden-section search or bounded Brent (fminbound). Results carry scipy's fields and messages;
 * `x` and `fun` are numbers.
 *
 * @example
 * const res = minimizeScalar((x) => (x - 2) ** 2);
 * res.x;    // ≈ 2
 * res.nfev; // 8
 * minimizeScalar((x) => (x - 2) ** 2, { bounds: [0, 1] }).x; // ≈ 1
 */
export function minimizeScalar(
  fun: (x: number) => unknown,
  options: MinimizeScalarOptions = {},
): OptimizeResult<number> {
  checkOptions("minimizeScalar", options, OPTIONS);
  if (typeof fun !== "function")
    throw typeError(`minimizeScalar: fun must be a function of x, got ${typeof fun}.`);
  const { bracket = null, bounds = null, tol = null } = options;
  const meth = (options.method ?? (bounds === null ? "brent" : "bounded")).toLowerCase();
  if (!["brent", "bounded", "golden"].includes(meth)) {
    throw rangeError(
      `minimizeScalar: unknown solver "${options.method}". Valid methods: "brent", "bounded", "golden".`,
    );
  }
  if (bounds !== null && meth !== "bounded") {
    throw rangeError(
      `minimizeScalar: use of bounds is incompatible with method "${options.method}". Use method "bounded".`,
    );
  }
  const o = { ...(options.options ?? {}) };
  checkOptions(
    `minimizeScalar(method="${meth}")`,
    o,
    meth === "bounded" ? ["maxiter", "xatol"] : ["maxiter", "xtol"],
  );
  if (tol !== null) {
    if (meth === "bounded") o.xatol ??= tol;
    else o.xtol ??= tol;
  }
  const f = (x: number) => toScalar("minimizeScalar", fun(x));
  let r: ReturnType<typeof brent>;
  if (meth === "brent") {
    const xtol = o.xtol ?? 1.48e-8;
    if (xtol < 0) throw rangeError(`minimizeScalar: tolerance should be >= 0, got ${xtol}.`);
    r = recoverFromBracketError(() => brent(f, bracket, xtol, o.maxiter ?? 500));
  } else if (meth === "golden") {
    r = recoverFromBracketError(() =>
      golden(f, bracket, o.xtol ?? Math.sqrt(2.220446049250313e-16), o.maxiter ?? 5000),
    );
  } else {
    if (bounds === null)
      throw rangeError("minimizeScalar: the bounds parameter is mandatory for method bounded.");
    if (!Array.isArray(bounds) || bounds.length !== 2)
      throw rangeError("minimizeScalar: bounds must have two elements.");
    const [lo, hi] = bounds;
    if (!Number.isFinite(lo) || !Number.isFinite(hi))
      throw rangeError("minimizeScalar: optimization bounds must be finite scalars.");
    if (lo > hi)
      throw rangeError(`minimizeScalar: the lower bound exceeds the upper bound ([${lo}, ${hi}]).`);
    r = bounded(f, lo, hi, o.xatol ?? 1e-5, o.maxiter ?? 500);
  }
  if (meth === "bounded") {
    return new OptimizeResult<number>({
      fun: r.fun,
      status: r.status ?? 0,
      success: r.success,
      message: r.message,
      x: r.x,
      nfev: r.nfev,
      nit: r.nit,
    });
  }
  const res = new OptimizeResult<number>({
    fun: r.fun,
    x: r.x,
    nit: r.nit,
    nfev: r.nfev,
    success: r.success,
    message: r.message,
    status: 0,
  });
  // scipy's brent/golden results have no status field
  delete (res as { status?: number }).status;
  return res;
}
