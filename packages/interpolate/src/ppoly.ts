import { type ArrayLike, checkOptions, NDArray, rangeError, ShapeError } from "@nabla/ndarray";
import type { BSpline } from "./bspline.js";
import type { BucketIndex } from "./internal/bucketIndex.js";
import { callable } from "./internal/callable.js";
import { evalSpline } from "./internal/deboor.js";
import { finish, toArray, toPoints } from "./internal/input.js";
import { falling, horner, hornerDerivative, realRootsIn, rootBound } from "./internal/poly.js";
import { evaluatePP, integratePP, type PP } from "./internal/ppolyKernels.js";

/** How an interpolant treats points outside its breakpoints: continue the end pieces, NaN, or wrap. */
export type Extrapolate = boolean | "periodic";

/** Options of `evaluate` on every interpolant. */
export interface EvaluateOptions {
  /** Order of derivative to evaluate (default 0). */
  nu?: number;
  /** Overrides the interpolant's own `extrapolate` for this call. */
  extrapolate?: Extrapolate;
}

/** Options of {@link PPoly}'s constructor. */
export interface PPolyOptions {
  /** Default true. */
  extrapolate?: Extrapolate | null;
  /** Axis of `c` holding the polynomial order (the intervals follow at `axis + 1`). Default 0. */
  axis?: number;
}

/** Options of `integrate`. */
export interface IntegrateOptions {
  extrapolate?: Extrapolate;
}

/** Options of `solve` and `roots`. */
export interface SolveOptions {
  /** Report sign changes across breakpoints where the function jumps (default true). */
  discontinuity?: boolean;
  extrapolate?: Extrapolate;
}

/** @internal The already-validated data a piecewise polynomial is built from. */
export class PPolyData implements PP {
  constructor(
    readonly x: Float64Array,
    /** interval-major: cf[(i * k1 + p) * r + j] */
    readonly cf: Float64Array,
    readonly k1: number,
    readonly r: number,
    readonly trailing: readonly number[],
    readonly extrapolate: Extrapolate,
    readonly axis: number,
  ) {}
  /** the bucket index over x, built on the first large evaluation */
  index?: BucketIndex | null = undefined;
}

export interface PPoly<V extends number | NDArray = number> {
  /**
   * The polynomial's values (or `nu`-th derivative) at `x`. A scalar `x` gives a number when the
   * values are scalars; with N-D `y` it gives an array (use `PPoly<NDArray>` in types).
   */
  (x: number, nu?: number): V;
  (x: ArrayLike, nu?: number): NDArray;
}

/**
 * A piecewise polynomial in the local power basis (scipy's `PPoly`): on `[x[i], x[i+1]]` it is
 * `sum_m c[m, i] (x - x[i])^(k - m)`. The type under every cubic interpolant here. Instances are
 * functions: `pp(x)`, `pp(x, nu)`, or `pp.evaluate(x, { nu, extrapolate })`.
 *
 * @example
 * // x^2 on [0, 1] and 1 + 2(x - 1) on [1, 2]
 * const pp = new PPoly([[1, 0], [0, 2], [0, 1]], [0, 1, 2]);
 * pp(0.5);                  // 0.25
 * pp(1.5, 1);               // 2
 * pp.integrate(0, 2);       // 1/3 + 2
 * pp.solve(1).toArray();    // [-1, 1] (-1 on the extrapolated first piece)
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signature of the function instances
export class PPoly<V extends number | NDArray = number> {
  /** Whether points outside the breakpoints extrapolate (`true`), give NaN (`false`) or wrap. */
  declare readonly extrapolate: Extrapolate;
  /** The interpolation axis of the data (of `y` for interpolants). */
  declare readonly axis: number;
  /** @internal */
  declare readonly _pp: PPolyData;

  constructor(c: ArrayLike, x: ArrayLike, options?: PPolyOptions);
  /** @internal from already validated data */
  constructor(data: PPolyData);
  constructor(c: ArrayLike | PPolyData, x?: ArrayLike, options?: PPolyOptions) {
    const data = c instanceof PPolyData ? c : fromCoefficients(c, x, options);
    const self: PPoly<V> = callable(new.target.prototype, (points: ArrayLike, nu?: number) =>
      self.evaluate(points, { nu: nu ?? 0 }),
    );
    Object.defineProperty(self, "_pp", { value: data });
    (self as { extrapolate: Extrapolate }).extrapolate = data.extrapolate;
    (self as { axis: number }).axis = data.axis;
    // biome-ignore lint/correctness/noConstructorReturn: instances are callable functions
    return self;
  }

  /** Breakpoints, shape (m + 1,). */
  get x(): NDArray {
    return new NDArray(this._pp.x.slice(), [this._pp.x.length]);
  }

  /** Coefficients, shape (k + 1, m, ...trailing), highest power first (scipy's layout). */
  get c(): NDArray {
    const { cf, k1, r, x, trailing } = this._pp;
    const m = x.length - 1;
    const out = new Float64Array(cf.length);
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < k1; p++) {
        for (let j = 0; j < r; j++) out[(p * m + i) * r + j] = cf[(i * k1 + p) * r + j];
      }
    }
    return new NDArray(out, [k1, m, ...trailing]);
  }

  /** @internal name used in messages */
  protected get fnName(): string {
    return this.constructor.name;
  }

  /**
   * Values (or the `nu`-th derivative) at `x`; the shape is `y.shape` with the interpolation axis
   * replaced by `x.shape`. Derivatives are taken piecewise, intervals are half-open `[a, b)`
   * except the last.
   * @example
   * const cs = new CubicSpline([0, 1, 2, 3], [0, 1, 8, 27]);
   * cs.evaluate([0.5, 1.5], { nu: 1 }); // array([0.75, 6.75])
   */
  evaluate(x: number, options?: EvaluateOptions): V;
  evaluate(x: ArrayLike, options?: EvaluateOptions): NDArray;
  evaluate(x: ArrayLike, options?: EvaluateOptions): number | NDArray {
    const fn = `${this.fnName}.evaluate`;
    checkOptions(fn, options, ["nu", "extrapolate"]);
    const nu = options?.nu ?? 0;
    if (!Number.isInteger(nu) || nu < 0) {
      throw rangeError(
        `${fn}: Order of derivative cannot be negative (nu must be an integer >= 0), got ${nu}. Use antiderivative() for integrals.`,
      );
    }
    const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? this.extrapolate);
    const pts = toPoints(fn, x);
    const pp = this._pp;
    const out = new Float64Array(pts.data.length * pp.r);
    evaluatePP(pp, pts.data, nu, extrapolate, out);
    return finish(out, pts, pp.trailing, pp.axis);
  }

  /**
   * The piecewise polynomial of the `nu`-th derivative (degree `k - nu`; negative `nu` integrates).
   * @example
   * new CubicSpline([0, 1, 2, 3], [0, 1, 8, 27]).derivative()(2); // 12 (to rounding)
   */
  derivative(nu = 1): PPoly<V> {
    checkOrder(`${this.fnName}.derivative`, nu);
    if (nu < 0) return this.antiderivative(-nu);
    const { x, cf, k1, r, trailing, extrapolate, axis } = this._pp;
    const m = x.length - 1;
    const deg = k1 - 1;
    const k2 = Math.max(k1 - nu, 1);
    const out = new Float64Array(m * k2 * r);
    if (nu < k1) {
      for (let i = 0; i < m; i++) {
        for (let p = 0; p < k2; p++) {
          const f = falling(deg - p, nu);
          for (let j = 0; j < r; j++) out[(i * k2 + p) * r + j] = cf[(i * k1 + p) * r + j] * f;
        }
      }
    }
    return new PPoly<V>(new PPolyData(x, out, k2, r, trailing, extrapolate, axis));
  }

  /**
   * The antiderivative of order `nu` (degree `k + nu`), zero at `x[0]` and continuous with its
   * first `nu - 1` derivatives. Periodic extrapolation becomes `false`, as in scipy.
   * @example
   * new PPoly([[2], [0]], [0, 1]).antiderivative()(1); // 1 (the integral of 2x over [0, 1])
   */
  antiderivative(nu = 1): PPoly<V> {
    checkOrder(`${this.fnName}.antiderivative`, nu);
    if (nu <= 0) return this.derivative(-nu);
    const { x, cf, k1, r, trailing, extrapolate, axis } = this._pp;
    const m = x.length - 1;
    const deg = k1 - 1;
    const k2 = k1 + nu;
    const out = new Float64Array(m * k2 * r);
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < k1; p++) {
        // divide by (deg - p + 1) ... (deg - p + nu)
        let f = 1;
        for (let q = 1; q <= nu; q++) f *= deg - p + q;
        for (let j = 0; j < r; j++) out[(i * k2 + p) * r + j] = cf[(i * k1 + p) * r + j] / f;
      }
    }
    // integration constants: match the previous interval's derivatives of order nu-1..0 at each breakpoint
    for (let i = 1; i < m; i++) {
      const h = x[i] - x[i - 1];
      for (let j = 0; j < r; j++) {
        for (let d = nu - 1; d >= 0; d--) {
          let v = hornerDerivative(out, (i - 1) * k2 * r + j, r, k2, d, h);
          for (let q = 1; q <= d; q++) v /= q;
          out[(i * k2 + k2 - d - 1) * r + j] = v;
        }
      }
    }
    const ext = extrapolate === "periodic" ? false : extrapolate;
    return new PPoly<V>(new PPolyData(x, out, k2, r, trailing, ext, axis));
  }

  /**
   * The definite integral over `[a, b]` (negative when `b < a`). Without extrapolation, a bound
   * outside the breakpoints gives NaN; periodic extrapolation counts whole periods.
   * @example
   * new CubicSpline([0, 1, 2], [0, 1, 4]).integrate(0, 2); // 8/3 (the parabola x^2)
   */
  integrate(a: number, b: number, options?: IntegrateOptions): V {
    const fn = `${this.fnName}.integrate`;
    checkOptions(fn, options, ["extrapolate"]);
    if (typeof a !== "number" || typeof b !== "number")
      throw rangeError(
        `${fn}: the bounds a and b must be numbers, got ${typeof a} and ${typeof b}.`,
      );
    const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? this.extrapolate);
    const pp = this._pp;
    let sign = 1;
    if (b < a) {
      [a, b] = [b, a];
      sign = -1;
    }
    const out = new Float64Array(pp.r);
    if (extrapolate === "periodic") {
      const xs = pp.x[0];
      const xe = pp.x[pp.x.length - 1];
      const period = xe - xs;
      const [nPeriods, left] = pyDivmod(b - a, period);
      const part = new Float64Array(pp.r);
      if (nPeriods > 0) {
        integratePP(pp, xs, xe, false, out);
        for (let j = 0; j < pp.r; j++) out[j] *= nPeriods;
      }
      a = xs + pyMod(a - xs, period);
      b = a + left;
      if (b <= xe) {
        integratePP(pp, a, b, false, part);
        for (let j = 0; j < pp.r; j++) out[j] += part[j];
      } else {
        integratePP(pp, a, xe, false, part);
        for (let j = 0; j < pp.r; j++) out[j] += part[j];
        integratePP(pp, xs, xs + left + a - xe, false, part);
        for (let j = 0; j < pp.r; j++) out[j] += part[j];
      }
    } else {
      integratePP(pp, a, b, extrapolate, out);
    }
    for (let j = 0; j < pp.r; j++) out[j] *= sign;
    return (pp.trailing.length === 0 ? out[0] : new NDArray(out, [...pp.trailing])) as V;
  }

  /**
   * Real solutions of `pp(x) == y`, ascending. A piece that equals `y` identically contributes
   * its start and a NaN; a jump across `y` at a breakpoint counts when `discontinuity`. With N-D
   * values, one array per trailing element (in C order).
   * @example
   * new CubicSpline([0, 1, 2, 3], [0, 1, 8, 27]).solve(8).toArray(); // [2]
   */
  solve(y = 0, options?: SolveOptions): V extends number ? NDArray : NDArray[] {
    const fn = `${this.fnName}.solve`;
    checkOptions(fn, options, ["discontinuity", "extrapolate"]);
    if (typeof y !== "number") throw rangeError(`${fn}: y must be a number, got ${typeof y}.`);
    const discontinuity = options?.discontinuity ?? true;
    const extrapolate = (options?.extrapolate ?? this.extrapolate) === true;
    const pp = this._pp;
    const all: NDArray[] = [];
    for (let j = 0; j < pp.r; j++) {
      const roots = realRoots(pp, j, y, discontinuity, extrapolate);
      all.push(new NDArray(Float64Array.from(roots), [roots.length]));
    }
    return (pp.trailing.length === 0 ? all[0] : all) as V extends number ? NDArray : NDArray[];
  }

  /**
   * Real roots, `solve(0)`.
   * @example
   * new PPoly([[1, 1], [-4, 0], [3, 0]], [-2, 1, 2]).roots().toArray(); // [-1, 1]
   */
  roots(options?: SolveOptions): V extends number ? NDArray : NDArray[] {
    return this.solve(0, options);
  }

  /**
   * The same piecewise polynomial as a B-spline's, in the power basis (scipy's `PPoly.from_spline`).
   * Breakpoints are the knots (repeated knots make empty intervals).
   * @example
   * const b = makeInterpSpline([0, 1, 2, 3], [0, 1, 8, 27]);
   * PPoly.fromSpline(b)(1.5); // 3.375
   */
  static fromSpline<V extends number | NDArray = number>(
    spline: BSpline<V>,
    options?: { extrapolate?: Extrapolate },
  ): PPoly<V> {
    checkOptions("PPoly.fromSpline", options, ["extrapolate"]);
    const { t, c, k, r, trailing, axis } = spline._bs;
    const extrapolate = options?.extrapolate ?? spline.extrapolate;
    const m = t.length - 1;
    const k1 = k + 1;
    const cf = new Float64Array(m * k1 * r);
    const at = t.subarray(0, m);
    const vals = new Float64Array(m * r);
    let fact = 1;
    for (let d = 0; d <= k; d++) {
      if (d > 0) fact *= d;
      evalSpline(t, c, r, k, at, d, true, vals);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < r; j++) cf[(i * k1 + k - d) * r + j] = vals[i * r + j] / fact;
      }
    }
    return new PPoly<V>(
      new PPolyData(Float64Array.from(t), cf, k1, r, trailing, extrapolate, axis),
    );
  }

  toString(): string {
    const { k1, x, trailing } = this._pp;
    return `${this.fnName}(degree ${k1 - 1}, ${x.length - 1} intervals on [${x[0]}, ${x[x.length - 1]}], values shape [${trailing.join(", ")}], extrapolate ${String(this.extrapolate)}, axis ${this.axis})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function checkOrder(fn: string, nu: number): void {
  if (!Number.isInteger(nu)) throw rangeError(`${fn}: the order nu must be an integer, got ${nu}.`);
}

export function checkExtrapolate(fn: string, v: unknown): Extrapolate {
  if (v === true || v === false || v === "periodic") return v;
  throw rangeError(
    `${fn}: extrapolate must be true, false or "periodic", got ${JSON.stringify(v)}.`,
  );
}

/** Python's float divmod for a >= 0, b > 0. */
function pyDivmod(a: number, b: number): [number, number] {
  const mod = pyMod(a, b);
  let div = (a - mod) / b;
  const fl = Math.floor(div);
  div = div - fl > 0.5 ? fl + 1 : fl;
  return [div, mod];
}

function pyMod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0 && m < 0 !== b < 0) m += b;
  return m;
}

function fromCoefficients(
  c: ArrayLike | undefined,
  x: ArrayLike | undefined,
  options: PPolyOptions | undefined,
): PPolyData {
  const fn = "PPoly";
  checkOptions(fn, options, ["extrapolate", "axis"]);
  if (c === undefined || x === undefined)
    throw rangeError(`${fn}: expected coefficients c and breakpoints x, as new PPoly(c, x).`);
  const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? true);
  let ca = toArray(fn, "c", c);
  const xa = toArray(fn, "x", x);
  if (ca.ndim < 2)
    throw rangeError(
      `${fn}: Coefficients array must be at least 2-dimensional, got shape [${ca.shape.join(", ")}].`,
    );
  const axis = options?.axis ?? 0;
  if (!Number.isInteger(axis) || axis < 0 || axis >= ca.ndim - 1)
    throw rangeError(`${fn}: axis=${axis} must be between 0 and ${ca.ndim - 1}.`);
  if (axis !== 0) ca = ca.moveaxis(axis + 1, 0).moveaxis(axis + 1, 0);
  if (xa.ndim !== 1)
    throw rangeError(`${fn}: x must be 1-dimensional, got shape [${xa.shape.join(", ")}].`);
  if (xa.size < 2) throw rangeError(`${fn}: at least 2 breakpoints are needed, got ${xa.size}.`);
  const [k1, m] = ca.shape;
  if (k1 === 0)
    throw rangeError(`${fn}: polynomial must be at least of order 0 (c.shape[0] is 0).`);
  if (m !== xa.size - 1)
    throw new ShapeError(
      `${fn}: number of coefficients != len(x)-1 (c has ${m} intervals, x has ${xa.size} breakpoints).`,
    );
  const xs = Float64Array.from(xa.toTypedArray());
  let up = true;
  let down = true;
  for (let i = 1; i < xs.length; i++) {
    const d = xs[i] - xs[i - 1];
    if (!(d >= 0)) up = false;
    if (!(d <= 0)) down = false;
  }
  if (!up && !down) throw rangeError(`${fn}: \`x\` must be strictly increasing or decreasing.`);
  const trailing = ca.shape.slice(2);
  const flat = ca.astype("float64").data as Float64Array;
  let r = 1;
  for (const d of trailing) r *= d;
  const cf = new Float64Array(flat.length);
  for (let p = 0; p < k1; p++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < r; j++) cf[(i * k1 + p) * r + j] = flat[(p * m + i) * r + j];
    }
  }
  return new PPolyData(xs, cf, k1, r, trailing, extrapolate, axis);
}

/** scipy's real-root sweep over the pieces of column j. */
function realRoots(
  pp: PP,
  j: number,
  y: number,
  discontinuity: boolean,
  extrapolate: boolean,
): number[] {
  const { x, cf, k1, r } = pp;
  const m = x.length - 1;
  const ascending = x[m] >= x[0];
  const roots: number[] = [];
  let last = Number.NaN;
  const coef: number[] = new Array(k1);
  for (let i = 0; i < m; i++) {
    const off = i * k1 * r + j;
    if (i > 0 && discontinuity) {
      const va = horner(cf, off - k1 * r, r, k1, x[i] - x[i - 1]) - y;
      const vb = cf[off + (k1 - 1) * r] - y;
      if ((va < 0 && vb > 0) || (va > 0 && vb < 0)) {
        if (x[i] !== last) {
          last = x[i];
          roots.push(last);
        }
      }
    }
    // the local polynomial minus y, leading zeros dropped
    let lead = 0;
    while (lead < k1 && cf[off + lead * r] === 0) lead++;
    const order = k1 - 1 - lead;
    const yZero = y === 0;
    if (order < 0 || (order === 0 && cf[off + (k1 - 1) * r] === y)) {
      if (order < 0 && !yZero) continue;
      // identically y
      if (x[i] === x[i + 1]) {
        if (x[i] !== last) {
          last = x[i];
          roots.push(last);
        }
      } else {
        roots.push(x[i], Number.NaN);
        last = Number.NaN;
      }
      continue;
    }
    if (order === 0) continue;
    coef.length = order + 1;
    for (let p = 0; p <= order; p++) coef[p] = cf[off + (lead + p) * r];
    coef[order] -= y;
    const h = x[i + 1] - x[i];
    const lo0 = Math.min(0, h);
    const hi0 = Math.max(0, h);
    const pad = 1e-9 * (Math.abs(h) + 1);
    const bound = rootBound(coef);
    const firstOpen = i === 0 && extrapolate;
    const lastOpen = i === m - 1 && extrapolate && !firstOpen;
    // scipy treats the first extrapolated piece as open to the left (right for descending x)
    const lo = (firstOpen && ascending) || (lastOpen && !ascending) ? -bound : lo0 - pad;
    const hi = (firstOpen && !ascending) || (lastOpen && ascending) ? bound : hi0 + pad;
    const local = localRoots(coef, lo, hi);
    for (let w of local) {
      // one Newton step, as scipy refines its eigenvalue roots
      const f = horner(cf, off, r, k1, w) - y;
      const df = hornerDerivative(cf, off, r, k1, 1, w);
      if (df !== 0) {
        const dx = f / df;
        if (Math.abs(dx) < Math.abs(w)) w -= dx;
      }
      w += x[i];
      if (i === 0 && extrapolate) {
        if (ascending ? !(w <= x[i + 1]) : !(w >= x[i + 1])) continue;
      } else if (i === m - 1 && extrapolate) {
        if (ascending ? !(w >= x[i]) : !(w <= x[i])) continue;
      } else if (ascending ? !(x[i] <= w && w <= x[i + 1]) : !(x[i + 1] <= w && w <= x[i]))
        continue;
      if (w !== last) {
        last = w;
        roots.push(w);
      }
    }
  }
  return roots;
}

/** Real roots in [lo, hi] of a polynomial (highest power first, nonzero lead), scipy's closed forms up to degree 2. */
function localRoots(a: number[], lo: number, hi: number): number[] {
  const order = a.length - 1;
  if (order === 1) {
    const w = -a[1] / a[0];
    return [w];
  }
  if (order === 2) {
    const [a0, a1, a2] = a;
    let d = a1 * a1 - 4 * a0 * a2;
    if (d < 0) return [];
    d = Math.sqrt(d);
    if (d === 0) return [-a1 / (2 * a0), -a1 / (2 * a0)];
    const pair =
      a1 < 0
        ? [(2 * a2) / (-a1 + d), (-a1 + d) / (2 * a0)]
        : [(-a1 - d) / (2 * a0), (2 * a2) / (-a1 - d)];
    return pair;
  }
  return realRootsIn(a, lo, hi);
}
