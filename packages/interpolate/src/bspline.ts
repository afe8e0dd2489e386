import { type ArrayLike, checkOptions, NDArray, rangeError } from "@nabla/ndarray";
import type { BucketIndex } from "./internal/bucketIndex.js";
import { callable } from "./internal/callable.js";
import { evalSpline } from "./internal/deboor.js";
import { finish, firstNonFinite, pyShape, toArray, toPoints } from "./internal/input.js";
import {
  checkExtrapolate,
  type EvaluateOptions,
  type Extrapolate,
  type IntegrateOptions,
  PPoly,
} from "./ppoly.js";

/** Options of {@link BSpline}'s constructor. */
export interface BSplineOptions {
  /** Default true. */
  extrapolate?: Extrapolate;
  /** Axis of `c` along which the coefficients run. Default 0. */
  axis?: number;
}

/** @internal Validated spline data: coefficients as `nc` rows of `r`. */
export class BSplineData {
  constructor(
    readonly t: Float64Array,
    readonly c: Float64Array,
    readonly nc: number,
    readonly k: number,
    readonly r: number,
    readonly trailing: readonly number[],
    readonly extrapolate: Extrapolate,
    readonly axis: number,
  ) {}
  /** the bucket index over the knots, built on the first large evaluation */
  index?: BucketIndex | null = undefined;
}

export interface BSpline<V extends number | NDArray = number> {
  /** Values (or the `nu`-th derivative) at `x`; see {@link BSpline.evaluate}. */
  (x: number, nu?: number): V;
  (x: ArrayLike, nu?: number): NDArray;
}

/**
 * A spline of degree `k` in the B-spline basis (scipy's `BSpline`): `S(x) = sum_j c[j] B_{j,k;t}(x)`
 * with knots `t`. Callable, like every interpolant here: `b(x)`, `b(x, nu)`,
 * `b.evaluate(x, { nu, extrapolate })`. {@link makeInterpSpline} builds interpolating ones.
 * @example
 * // the hat function on [0, 2]
 * const b = new BSpline([0, 0, 1, 2, 2], [0, 1, 0], 1);
 * b([0.5, 1, 1.5]); // array([0.5, 1. , 0.5])
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signature of the function instances
export class BSpline<V extends number | NDArray = number> {
  /** Degree. */
  declare readonly k: number;
  declare readonly extrapolate: Extrapolate;
  /** Interpolation axis of the data. */
  declare readonly axis: number;
  /** @internal */
  declare readonly _bs: BSplineData;

  constructor(t: ArrayLike, c: ArrayLike, k: number, options?: BSplineOptions);
  /** @internal from already validated data */
  constructor(data: BSplineData);
  constructor(t: ArrayLike | BSplineData, c?: ArrayLike, k?: number, options?: BSplineOptions) {
    const data = t instanceof BSplineData ? t : validate(t, c, k, options);
    const self: BSpline<V> = callable(new.target.prototype, (points: ArrayLike, nu?: number) =>
      self.evaluate(points, { nu: nu ?? 0 }),
    );
    Object.defineProperty(self, "_bs", { value: data });
    (self as { k: number }).k = data.k;
    (self as { extrapolate: Extrapolate }).extrapolate = data.extrapolate;
    (self as { axis: number }).axis = data.axis;
    // biome-ignore lint/correctness/noConstructorReturn: instances are callable functions
    return self;
  }

  /** Knots. */
  get t(): NDArray {
    return new NDArray(this._bs.t.slice(), [this._bs.t.length]);
  }

  /** Coefficients, shape (nc, ...trailing) (the interpolation axis first, as scipy stores them). */
  get c(): NDArray {
    const { c, nc, trailing } = this._bs;
    return new NDArray(c.slice(), [nc, ...trailing]);
  }

  /**
   * Values (or the `nu`-th derivative) at `x`, shaped like `y` with the interpolation axis
   * replaced by `x.shape`. Outside `[t[k], t[n]]`, extrapolates unless `extrapolate` is false (NaN).
   * @example
   * makeInterpSpline([0, 1, 2, 3], [0, 1, 8, 27]).evaluate(2, { nu: 1 }); // 12
   */
  evaluate(x: number, options?: EvaluateOptions): V;
  evaluate(x: ArrayLike, options?: EvaluateOptions): NDArray;
  evaluate(x: ArrayLike, options?: EvaluateOptions): number | NDArray {
    const fn = "BSpline.evaluate";
    checkOptions(fn, options, ["nu", "extrapolate"]);
    const nu = options?.nu ?? 0;
    if (!Number.isInteger(nu) || nu < 0)
      throw rangeError(
        `${fn}: nu must be an integer >= 0, got ${nu}. Use antiderivative() for integrals.`,
      );
    const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? this.extrapolate);
    const pts = toPoints(fn, x);
    const { t, c, k, r, trailing, axis } = this._bs;
    const out = new Float64Array(pts.data.length * r);
    evalSpline(t, c, r, k, pts.data, nu, extrapolate, out, false, this._bs);
    return finish(out, pts, trailing, axis);
  }

  /**
   * The spline of the `nu`-th derivative (degree `k - nu`).
   * @example
   * makeInterpSpline([0, 1, 2, 3], [0, 1, 8, 27]).derivative()(2); // 12
   */
  derivative(nu = 1): BSpline<V> {
    const fn = "BSpline.derivative";
    if (!Number.isInteger(nu)) throw rangeError(`${fn}: nu must be an integer, got ${nu}.`);
    if (nu < 0) return this.antiderivative(-nu);
    const d = this._bs;
    if (nu > d.k)
      throw rangeError(
        `${fn}: Order of derivative (n = ${nu}) must be <= order of spline (k = ${d.k}).`,
      );
    let t = d.t;
    let k = d.k;
    const r = d.r;
    let c = padded(d);
    for (let step = 0; step < nu; step++) {
      const nt = t.length;
      const next = new Float64Array(nt * r - 2 * r);
      for (let i = 0; i < nt - k - 2; i++) {
        const dt = t[i + k + 1] - t[i + 1];
        if (dt === 0)
          throw rangeError(
            `${fn}: The spline has internal repeated knots and is not differentiable ${nu} times.`,
          );
        for (let j = 0; j < r; j++)
          next[i * r + j] = ((c[(i + 1) * r + j] - c[i * r + j]) * k) / dt;
      }
      c = next;
      t = t.slice(1, nt - 1);
      k -= 1;
    }
    return new BSpline<V>(new BSplineData(t, c, t.length, k, r, d.trailing, d.extrapolate, d.axis));
  }

  /**
   * The spline of the `nu`-th antiderivative (degree `k + nu`), zero at `t[k]`. Periodic
   * extrapolation becomes `false`.
   * @example
   * new BSpline([0, 0, 1, 1], [1, 1], 1).antiderivative()(1); // 1
   */
  antiderivative(nu = 1): BSpline<V> {
    const fn = "BSpline.antiderivative";
    if (!Number.isInteger(nu)) throw rangeError(`${fn}: nu must be an integer, got ${nu}.`);
    if (nu < 0) return this.derivative(-nu);
    const d = this._bs;
    const { t: t0, c: c0, k: k0 } = antiderivativeData(d, nu);
    const ext = d.extrapolate === "periodic" ? false : d.extrapolate;
    return new BSpline<V>(new BSplineData(t0, c0, t0.length, k0, d.r, d.trailing, ext, d.axis));
  }

  /**
   * The definite integral over `[a, b]`. Without extrapolation the bounds are clipped to the base
   * interval `[t[k], t[n]]` (the spline counts as zero outside).
   * @example
   * makeInterpSpline([0, 1, 2, 3], [0, 1, 8, 27]).integrate(0, 3); // 20.25
   */
  integrate(a: number, b: number, options?: IntegrateOptions): V {
    const fn = "BSpline.integrate";
    checkOptions(fn, options, ["extrapolate"]);
    const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? this.extrapolate);
    const d = this._bs;
    let sign = 1;
    if (b < a) {
      [a, b] = [b, a];
      sign = -1;
    }
    const n = d.t.length - d.k - 1;
    const tb = d.t[d.k];
    const te = d.t[n];
    if (extrapolate === false) {
      a = Math.min(Math.max(a, tb), te);
      b = Math.min(Math.max(b, tb), te);
    }
    const anti = antiderivativeData(d, 1);
    const r = d.r;
    const out = new Float64Array(r);
    const vals = new Float64Array(2 * r);
    const span = (lo: number, hi: number, ext: boolean, scale: number): void => {
      evalSpline(anti.t, anti.c, r, anti.k, Float64Array.of(lo, hi), 0, ext, vals, true);
      for (let j = 0; j < r; j++) out[j] += scale * (vals[r + j] - vals[j]);
    };
    if (extrapolate === "periodic") {
      const period = te - tb;
      const total = b - a;
      let left = total % period;
      const nPeriods = Math.round((total - left) / period);
      if (left < 0) left += period;
      if (nPeriods > 0) span(tb, te, false, nPeriods);
      let lo = (a - tb) % period;
      if (lo < 0) lo += period;
      lo += tb;
      const hi = lo + left;
      if (hi <= te) span(lo, hi, false, 1);
      else {
        span(lo, te, false, 1);
        span(tb, tb + hi - te, false, 1);
      }
    } else {
      span(a, b, extrapolate, 1);
    }
    for (let j = 0; j < r; j++) out[j] *= sign;
    return (d.trailing.length === 0 ? out[0] : new NDArray(out, [...d.trailing])) as V;
  }

  /**
   * The same spline in the power basis, as a {@link PPoly} (`PPoly.fromSpline(this)`).
   * @example
   * makeInterpSpline([0, 1, 2, 3], [0, 1, 8, 27]).toPPoly().c.shape; // [4, 7]
   */
  toPPoly(): PPoly<V> {
    return PPoly.fromSpline(this);
  }

  toString(): string {
    const { t, k, nc, trailing } = this._bs;
    return `BSpline(degree ${k}, ${t.length} knots, ${nc} coefficients, values shape [${trailing.join(", ")}], extrapolate ${String(this.extrapolate)}, axis ${this.axis})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** Coefficients padded with zero rows to the number of knots (FITPACK's convention). */
function padded(d: BSplineData): Float64Array {
  const out = new Float64Array(d.t.length * d.r);
  out.set(d.c.subarray(0, Math.min(d.c.length, out.length)));
  return out;
}

function antiderivativeData(
  d: BSplineData,
  nu: number,
): { t: Float64Array; c: Float64Array; k: number } {
  let t = d.t;
  let k = d.k;
  const r = d.r;
  let c = padded(d);
  for (let step = 0; step < nu; step++) {
    const nt = t.length;
    const m = nt - k - 1;
    const next = new Float64Array((nt + 2) * r);
    for (let j = 0; j < r; j++) {
      let acc = 0;
      for (let i = 0; i < m; i++) {
        acc += c[i * r + j] * (t[i + k + 1] - t[i]);
        next[(i + 1) * r + j] = acc / (k + 1);
      }
      for (let i = m + 1; i < nt + 2; i++) next[i * r + j] = next[m * r + j];
    }
    const t2 = new Float64Array(nt + 2);
    t2[0] = t[0];
    t2.set(t, 1);
    t2[nt + 1] = t[nt - 1];
    t = t2;
    c = next;
    k += 1;
  }
  return { t, c, k };
}

function validate(
  t: ArrayLike,
  c: ArrayLike | undefined,
  k: number | undefined,
  options: BSplineOptions | undefined,
): BSplineData {
  const fn = "BSpline";
  checkOptions(fn, options, ["extrapolate", "axis"]);
  if (c === undefined || k === undefined)
    throw rangeError(
      `${fn}: expected knots t, coefficients c and degree k, as new BSpline(t, c, k).`,
    );
  const extrapolate = checkExtrapolate(fn, options?.extrapolate ?? true);
  if (!Number.isInteger(k)) throw rangeError(`${fn}: the degree k must be an integer, got ${k}.`);
  let ca = toArray(fn, "c", c);
  const ta = toArray(fn, "t", t);
  if (ca.ndim < 1)
    throw rangeError(`${fn}: Coefficients must be at least 1-dimensional, got a scalar.`);
  const axisIn = options?.axis ?? 0;
  if (!Number.isInteger(axisIn) || axisIn < -ca.ndim || axisIn >= ca.ndim) {
    throw rangeError(`${fn}: axis ${axisIn} is out of bounds for array of dimension ${ca.ndim}.`);
  }
  const axis = axisIn < 0 ? axisIn + ca.ndim : axisIn;
  if (axis !== 0) ca = ca.moveaxis(axis, 0);
  if (k < 0) throw rangeError(`${fn}: Spline order cannot be negative, got k = ${k}.`);
  if (ta.ndim !== 1)
    throw rangeError(`${fn}: Knot vector must be one-dimensional, got shape ${pyShape(ta.shape)}.`);
  const tv = Float64Array.from(ta.toTypedArray());
  const n = tv.length - k - 1;
  if (n < k + 1)
    throw rangeError(`${fn}: Need at least ${2 * k + 2} knots for degree ${k}, got ${tv.length}.`);
  for (let i = 1; i < tv.length; i++) {
    if (tv[i] < tv[i - 1])
      throw rangeError(
        `${fn}: Knots must be in a non-decreasing order; t[${i - 1}] = ${tv[i - 1]} > t[${i}] = ${tv[i]}.`,
      );
  }
  let distinct = false;
  for (let i = k + 1; i <= n; i++) if (tv[i] !== tv[k]) distinct = true;
  if (!distinct)
    throw rangeError(`${fn}: Need at least two internal knots (t[k] .. t[n] are all equal).`);
  if (firstNonFinite(tv) >= 0) throw rangeError(`${fn}: Knots should not have nans or infs.`);
  if (ca.shape[0] < n) {
    throw rangeError(
      `${fn}: Knots, coefficients and degree are inconsistent: ${tv.length} knots of degree ${k} need at least ${n} coefficients, got ${ca.shape[0]}.`,
    );
  }
  const trailing = ca.shape.slice(1);
  let r = 1;
  for (const v of trailing) r *= v;
  const cd = ca.astype("float64").data as Float64Array;
  return new BSplineData(tv, cd, ca.shape[0], k, r, trailing, extrapolate, axis);
}
