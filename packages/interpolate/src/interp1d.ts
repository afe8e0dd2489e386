import { type ArrayLike, checkOptions, NDArray, rangeError, ShapeError } from "@nabla/ndarray";
import type { BSpline } from "./bspline.js";
import { callable } from "./internal/callable.js";
import { evalSpline } from "./internal/deboor.js";
import {
  checkIncreasingNaNPasses,
  finish,
  flatView,
  hasNaN,
  nondecreasingNoNaN,
  ownValues,
  type Points,
  pyFloat,
  pyShape,
  type Rows,
  toArray,
  toPoints,
  toRows,
} from "./internal/input.js";
import { evaluatePP } from "./internal/ppolyKernels.js";
import { searchsorted } from "./internal/search.js";
import { splineCoefficients } from "./internal/splineBuild.js";
import type { EndBC } from "./internal/splineEnds.js";
import { interpSpline } from "./makeInterpSpline.js";
import { PPolyData } from "./ppoly.js";

/** The kinds of {@link interp1d}: names, or an integer spline order. */
export type Interp1dKind =
  | "linear"
  | "nearest"
  | "nearest-up"
  | "zero"
  | "slinear"
  | "quadratic"
  | "cubic"
  | "previous"
  | "next"
  | number;

/**
 * What {@link interp1d} returns outside the data: one value (or array broadcast to the values'
 * shape) for both sides, `[below, above]`, or "extrapolate".
 */
export type FillValue =
  | number
  | "extrapolate"
  | NDArray
  | readonly [ArrayLike, ArrayLike]
  | readonly number[]
  | readonly ArrayLike[];

/** Options of {@link interp1d}, scipy's keywords in camelCase. */
export interface Interp1dOptions {
  /** Default "linear". */
  kind?: Interp1dKind;
  /** Axis of `y` along which `x` runs. Default -1 (the last, as scipy). */
  axis?: number;
  /** Accepted for scipy compatibility: the data are always copied. */
  copy?: boolean;
  /** Throw for points outside `[x[0], x[-1]]`. Default: true unless `fillValue` is "extrapolate". */
  boundsError?: boolean | null;
  /** Values outside the data (default NaN); see {@link FillValue}. */
  fillValue?: FillValue;
  /** Skip sorting `x` (it must then be increasing). Default false. */
  assumeSorted?: boolean;
}

type Method = "linear" | "nearest" | "nearest-up" | "previous" | "next" | "spline";

export interface Interp1d<V extends number | NDArray = number> {
  /**
   * Values at `xNew`: shape `y.shape[:axis] + xNew.shape + y.shape[axis+1:]`; a scalar `xNew`
   * gives a number with 1-D `y`, an array with N-D `y` (type it `interp1d<NDArray>(...)`).
   */
  (xNew: number): V;
  (xNew: ArrayLike): NDArray;
}

/**
 * The function returned by {@link interp1d}: call it on new points; it carries its data
 * (`x`, `y`, `kind`, `axis`, `fillValue`, `boundsError`, `assumeSorted`, `copy`).
 * @example
 * const f = interp1d([2, 0, 1], [20, 0, 10]);
 * f(0.5);              // 5
 * f.x.toArray();       // [0, 1, 2] (sorted)
 * f instanceof Interp1d; // true
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signature of the function instances
export class Interp1d<V extends number | NDArray = number> {
  /** The sorted sample points (shared with the interpolant: do not write). */
  get x(): NDArray {
    return new NDArray(this._st.x, [this._st.x.length]);
  }
  /** The values, reordered along `axis` to match the sorted `x` (a view of the interpolant's copy). */
  get y(): NDArray {
    const st = this._st;
    if (st.yLast !== null) {
      // kept by the coefficients alone until now: their constant terms are y[:-1] exactly
      const { n } = st.y;
      const cf = st.cubic!.cf;
      const data = new Float64Array(n);
      for (let i = 0; i < n - 1; i++) data[i] = cf[4 * i + 3];
      data[n - 1] = st.yLast;
      st.y.data = data;
      st.yLast = null;
    }
    const { data, n, trailing, axis } = st.y;
    return new NDArray(data, [n, ...trailing]).moveaxis(0, axis);
  }
  /** The kind as given ("cubic", 3, ...). */
  declare readonly kind: Interp1dKind;
  /** The interpolation axis of `y` (non-negative). */
  declare readonly axis: number;
  /** Whether out-of-range points throw (scipy's resolved `bounds_error`). */
  declare readonly boundsError: boolean;
  /** The fill value as resolved (for "previous"/"next" with "extrapolate": `[NaN, y[-1]]` / `[y[0], NaN]`). */
  declare readonly fillValue: FillValue;
  declare readonly assumeSorted: boolean;
  declare readonly copy: boolean;
  /** @internal */
  declare readonly _st: State;

  /** @internal use {@link interp1d} */
  constructor(state: State, props: Omit<Interp1d<V>, "_st" | "evaluate" | "toString" | "x" | "y">) {
    const self: Interp1d<V> = callable(new.target.prototype, (xNew: ArrayLike) =>
      self.evaluate(xNew),
    );
    Object.defineProperty(self, "_st", { value: state });
    Object.assign(self, props);
    // biome-ignore lint/correctness/noConstructorReturn: instances are callable functions
    return self;
  }

  /**
   * The same as calling the interpolant.
   * @example
   * interp1d([0, 1, 2], [0, 10, 20]).evaluate([0.5, 1.5]); // array([ 5., 15.])
   */
  evaluate(xNew: number): V;
  evaluate(xNew: ArrayLike): NDArray;
  evaluate(xNew: ArrayLike): number | NDArray {
    const st = this._st;
    const pts = toPoints("interp1d", xNew);
    const out = new Float64Array(pts.data.length * st.y.r);
    evaluateInto(st, pts, out);
    return finish(out, pts, st.y.trailing, st.y.axis);
  }

  toString(): string {
    return `interp1d(kind ${JSON.stringify(this.kind)}, ${this._st.x.length} points on [${this._st.x[0]}, ${this._st.x[this._st.x.length - 1]}], axis ${this.axis}, boundsError ${this.boundsError})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

interface State {
  method: Method;
  x: Float64Array;
  y: Rows;
  /**
   * y[-1] of a 1-D cubic spline built on the caller's own y, whose copy is then made from the
   * coefficients when first asked for (y.data is empty until then); else null
   */
  yLast: number | null;
  /** previous/next: x nudged one ulp; nearest: midpoints */
  aux: Float64Array;
  spline: BSpline | null;
  /** kind "cubic" with 4+ points: the same spline in the power basis */
  cubic: PPolyData | null;
  nanSpline: boolean;
  extrapolate: boolean;
  boundsError: boolean;
  below: Float64Array;
  above: Float64Array;
  /** np.interp's semantics (1-D y, no extrapolation) for "linear" */
  npInterp: boolean;
}

/**
 * A function interpolating `y = f(x)` along one axis (scipy's `interp1d`). `kind`: "linear"
 * (default), "nearest" (halfway rounds down), "nearest-up", "previous", "next", "zero",
 * "slinear", "quadratic", "cubic" (interpolating B-splines of order 0-3), or an integer spline
 * order. Outside the data it throws (the default), fills `fillValue`, or extrapolates
 * (`fillValue: "extrapolate"`). Unsorted `x` is sorted (stably) unless `assumeSorted`.
 *
 * @example
 * const af = interp1d([0, 1, 2, 3], [0, 1, 8, 27], { kind: "cubic", fillValue: "extrapolate" });
 * af(1.5);           // 3.375
 * af([0.5, 4]);      // array([ 0.125, 64.   ])
 * interp1d([0, 1, 2], [0, 10, 20], { boundsError: false })(5); // NaN
 */
export function interp1d<V extends number | NDArray = number>(
  x: ArrayLike,
  y: ArrayLike,
  options?: Interp1dOptions,
): Interp1d<V> {
  const fn = "interp1d";
  checkOptions(fn, options, ["kind", "axis", "copy", "boundsError", "fillValue", "assumeSorted"]);
  const kind = options?.kind ?? "linear";
  const axisIn = options?.axis ?? -1;
  const assumeSorted = options?.assumeSorted ?? false;
  let boundsError: boolean | null = options?.boundsError ?? null;
  let fillValue: FillValue = options?.fillValue ?? Number.NaN;

  // flat 1-D input (the common case) skips asarray
  const xf = flatView(x);
  const xa = xf ? new NDArray(xf.data, [xf.data.length]) : toArray(fn, "x", x);
  const yf = flatView(y);
  const ya = yf ? new NDArray(yf.data, [yf.data.length]) : toArray(fn, "y", y);
  const yShape = ya.ndim === 0 ? [1] : ya.shape;
  if (!Number.isInteger(axisIn) || axisIn < -yShape.length || axisIn >= yShape.length) {
    throw rangeError(`${fn}: axis ${axisIn} is out of bounds for y of dimension ${yShape.length}.`);
  }
  const lenX = xa.ndim === 0 ? 1 : xa.shape[0];
  if (yShape[axisIn < 0 ? axisIn + yShape.length : axisIn] !== lenX) {
    throw new ShapeError(
      `${fn}: x and y arrays must be equal in length along interpolation axis (x has ${lenX} points, y has shape ${pyShape(ya.shape)} and axis ${axisIn}).`,
    );
  }
  let method: Method;
  let order = 0;
  if (kind === "zero" || kind === "slinear" || kind === "quadratic" || kind === "cubic") {
    order = { zero: 0, slinear: 1, quadratic: 2, cubic: 3 }[kind];
    method = "spline";
  } else if (typeof kind === "number") {
    if (!Number.isInteger(kind) || kind < 0)
      throw rangeError(`${fn}: an integer kind is a spline order and must be >= 0, got ${kind}.`);
    order = kind;
    method = "spline";
  } else if (
    kind === "linear" ||
    kind === "nearest" ||
    kind === "nearest-up" ||
    kind === "previous" ||
    kind === "next"
  ) {
    method = kind;
  } else {
    throw rangeError(
      `${fn}: ${String(kind)} is unsupported: Use fitpack routines for other types. Valid kinds: "linear", "nearest", "nearest-up", "zero", "slinear", "quadratic", "cubic", "previous", "next" or an integer spline order.`,
    );
  }
  if (xa.ndim !== 1)
    throw rangeError(
      `${fn}: the x array must have exactly one dimension, got shape ${pyShape(xa.shape)}.`,
    );
  if (ya.ndim === 0)
    throw rangeError(`${fn}: the y array must have at least one dimension, got a scalar.`);
  const axis = axisIn < 0 ? axisIn + ya.ndim : axisIn;
  // the interpolant keeps its own x and y (scipy copies too)
  let xs = ownValues(xf, xa);
  // the caller's own 1-D y is read in place during the build and copied at its end
  let borrowed = yf?.shared ?? false;
  const rows: Rows = yf
    ? { data: yf.data, n: yf.data.length, r: 1, trailing: [], axis }
    : toRows(fn, ya, axis);
  const n = xs.length;
  const sorted = nondecreasingNoNaN(xs);
  if (!assumeSorted && !sorted) {
    // stable order, NaN last (numpy's mergesort)
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => {
      const u = xs[a];
      const w = xs[b];
      const un = Number.isNaN(u);
      const wn = Number.isNaN(w);
      if (un || wn) return un === wn ? 0 : un ? 1 : -1;
      return u < w ? -1 : u > w ? 1 : 0;
    });
    const sx = new Float64Array(n);
    const sy = new Float64Array(rows.data.length);
    const r = rows.r;
    idx.forEach((from, to) => {
      sx[to] = xs[from];
      sy.set(rows.data.subarray(from * r, from * r + r), to * r);
    });
    xs = sx;
    rows.data = sy;
    borrowed = false;
  }

  let aux = new Float64Array(0);
  let spline: BSpline | null = null;
  let cubic: PPolyData | null = null;
  let nanSpline = false;
  let minval = 1;
  const extrapolateRequested = fillValue === "extrapolate";
  const noExtrapolateAndRaise = (): void => {
    if (boundsError === true)
      throw rangeError(
        `${fn}: Cannot extrapolate and raise at the same time. Drop boundsError: true, or use a numeric fillValue.`,
      );
    boundsError = false;
  };
  if (method === "nearest" || method === "nearest-up") {
    aux = new Float64Array(Math.max(n - 1, 0));
    for (let i = 0; i + 1 < n; i++) aux[i] = xs[i + 1] / 2 + xs[i] / 2;
  } else if (method === "previous" || method === "next") {
    aux = xs.map((v) => nextafter(v, method === "previous" ? -1 : 1));
    if (extrapolateRequested) {
      noExtrapolateAndRaise();
      const r = rows.r;
      const nan = new NDArray(new Float64Array(r).fill(Number.NaN), rows.trailing);
      const first = new NDArray(rows.data.slice(0, r), rows.trailing);
      const last = new NDArray(rows.data.slice((n - 1) * r, n * r), rows.trailing);
      fillValue = (method === "previous" ? [nan, last] : [first, nan]) as readonly [
        ArrayLike,
        ArrayLike,
      ];
    }
  } else if (method === "spline") {
    minval = order + 1;
    // scipy fails on empty data with a reshape error before any spline check; say what is wrong
    if (n === 0)
      throw rangeError(`${fn}: x and y arrays must have at least ${minval} entries, got 0.`);
    let xx = xs;
    let yy = rows;
    if (order > 1) {
      // LAPACK-free, but as scipy: NaN anywhere makes every output NaN
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      let hasNan = false;
      // sorted x with 2+ points has no NaN (every comparison with one fails)
      if (!sorted || n < 2) {
        for (let i = 0; i < n; i++) {
          const v = xs[i];
          if (Number.isNaN(v)) hasNan = true;
          else {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
        }
      }
      if (hasNan) {
        if (lo > hi) throw rangeError(`${fn}: \`x\` array is all-nan.`);
        xx = new Float64Array(n);
        for (let i = 0; i < n; i++) xx[i] = n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1);
        nanSpline = true;
      }
      if (hasNaN(rows.data)) {
        yy = { ...rows, data: new Float64Array(rows.data.length).fill(1) };
        nanSpline = true;
      }
      if (!(Number.isFinite(xx[0]) && Number.isFinite(xx[n - 1]))) {
        // an infinite x: scipy's LAPACK solve turns it into NaN everywhere, where our solvers
        // would decline (or give finite values near the other end); x's own checks still apply
        checkIncreasingNaNPasses(fn, xx);
        xx = new Float64Array(n);
        for (let i = 0; i < n; i++) xx[i] = i;
        nanSpline = true;
      }
    }
    if (order === 3 && n >= 4) {
      // the not-a-knot cubic B-spline is the not-a-knot CubicSpline: build it as one (a tridiagonal
      // solve) and evaluate it by Horner; values agree with scipy's B-spline to rounding
      checkIncreasingNaNPasses(fn, xx);
      const r = yy.r;
      const bc: [EndBC, EndBC] = ["not-a-knot", "not-a-knot"];
      const cf = splineCoefficients(xx, yy.data, r, bc);
      cubic = new PPolyData(xx, cf, 4, r, rows.trailing, true, 0);
    } else {
      spline = interpSpline(fn, xx, yy, order, null, null, null);
    }
  }
  if (n < minval)
    throw rangeError(`${fn}: x and y arrays must have at least ${minval} entries, got ${n}.`);

  let extrapolate = false;
  let below: Float64Array = new Float64Array(rows.r);
  let above = below;
  if (fillValue === "extrapolate") {
    noExtrapolateAndRaise();
    extrapolate = true;
  } else {
    const shapeTo = rows.trailing.length === 0 ? [1] : rows.trailing;
    if (Array.isArray(fillValue) && fillValue.length === 2) {
      below = broadcastUpTo(fn, fillValue[0] as ArrayLike, shapeTo, "fill_value (below)");
      above = broadcastUpTo(fn, fillValue[1] as ArrayLike, shapeTo, "fill_value (above)");
    } else {
      below = above = broadcastUpTo(fn, fillValue as ArrayLike, shapeTo, "fill_value");
    }
    if (boundsError === null) boundsError = true;
  }
  let yLast: number | null = null;
  if (borrowed) {
    if (cubic && !nanSpline) {
      yLast = rows.data[n - 1];
      rows.data = new Float64Array(0);
    } else rows.data = rows.data.slice();
  }
  const state: State = {
    method,
    x: xs,
    y: rows,
    yLast,
    aux,
    spline,
    cubic,
    nanSpline,
    extrapolate,
    boundsError: boundsError === true,
    below,
    above,
    npInterp: method === "linear" && rows.trailing.length === 0 && !extrapolate,
  };
  return new Interp1d<V>(state, {
    kind,
    axis,
    boundsError: boundsError === true,
    fillValue,
    assumeSorted,
    copy: options?.copy ?? true,
  });
}

/** scipy's _check_broadcast_up_to: `v` must broadcast to `shapeTo`; returns it flattened at that shape. */
function broadcastUpTo(
  fn: string,
  v: ArrayLike,
  shapeTo: readonly number[],
  name: string,
): Float64Array {
  const a = toArray(fn, "fillValue", v);
  const from = a.shape;
  let ok = shapeTo.length >= from.length;
  for (let i = 1; ok && i <= from.length; i++) {
    const f = from[from.length - i];
    if (f !== 1 && f !== shapeTo[shapeTo.length - i]) ok = false;
  }
  if (!ok) {
    throw new ShapeError(
      `${fn}: ${name} argument must be able to broadcast up to shape ${pyShape(shapeTo)} but had shape ${pyShape(from)}`,
    );
  }
  return Float64Array.from(a.broadcastTo(shapeTo).copy().toTypedArray());
}

// one view for every nextafter call, not a buffer per data point
const buf = new DataView(new ArrayBuffer(8));

/** The next double after `v` toward -inf (dir < 0) or +inf (dir > 0). */
function nextafter(v: number, dir: number): number {
  if (Number.isNaN(v)) return v;
  if (v === 0) return dir > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  buf.setFloat64(0, v);
  let bits = buf.getBigUint64(0);
  bits += v > 0 === dir > 0 ? 1n : -1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

/** Whether no point is below `lo` or above `hi` (NaN is neither), in one pass. */
function withinRange(xn: Float64Array, lo: number, hi: number): boolean {
  let below = false;
  let above = false;
  for (let q = 0; q < xn.length; q++) {
    const v = xn[q];
    below ||= v < lo;
    above ||= v > hi;
  }
  return !below && !above;
}

/** scipy's bounds error: every point is checked against the minimum before any against the maximum. */
function outOfRange(xn: Float64Array, lo: number, hi: number): never {
  const m = xn.length;
  for (let q = 0; q < m; q++) {
    if (xn[q] < lo) {
      throw rangeError(
        `interp1d: A value (${pyFloat(xn[q])}) in x_new is below the interpolation range's minimum value (${pyFloat(lo)}). Pass boundsError: false to fill with fillValue, or fillValue: "extrapolate".`,
      );
    }
  }
  for (let q = 0; q < m; q++) {
    if (xn[q] > hi) {
      throw rangeError(
        `interp1d: A value (${pyFloat(xn[q])}) in x_new is above the interpolation range's maximum value (${pyFloat(hi)}). Pass boundsError: false to fill with fillValue, or fillValue: "extrapolate".`,
      );
    }
  }
  throw rangeError("interp1d: a value in x_new is outside the interpolation range.");
}

function evaluateInto(st: State, pts: Points, out: Float64Array): void {
  const xn = pts.data;
  const m = xn.length;
  const { x } = st;
  const n = x.length;
  const lo = x[0];
  const hi = x[n - 1];
  if (st.method === "spline" && st.cubic && !st.nanSpline) {
    // the range check rides along the evaluation (the spline's breakpoints are x)
    if (!evaluatePP(st.cubic, xn, 0, true, out, st.boundsError)) outOfRange(xn, lo, hi);
    return;
  }
  const { r, data: y } = st.y;
  if (st.boundsError && !withinRange(xn, lo, hi)) outOfRange(xn, lo, hi);
  switch (st.method) {
    case "spline":
      if (st.cubic) evaluatePP(st.cubic, xn, 0, true, out);
      else {
        const bs = st.spline!._bs;
        evalSpline(bs.t, bs.c, r, bs.k, xn, 0, true, out, false, bs);
      }
      if (st.nanSpline) out.fill(Number.NaN);
      break;
    case "linear":
      if (st.npInterp) linearNp(x, y, xn, out);
      else linearRows(x, y, r, xn, out);
      break;
    case "nearest":
    case "nearest-up": {
      const right = st.method === "nearest-up";
      let j = 0;
      for (let q = 0; q < m; q++) {
        j = searchsorted(st.aux, n - 1, xn[q], right, j);
        const i = Math.min(j, n - 1);
        for (let c = 0; c < r; c++) out[q * r + c] = y[i * r + c];
      }
      break;
    }
    case "previous": {
      let j = 0;
      for (let q = 0; q < m; q++) {
        j = searchsorted(st.aux, n, xn[q], false, j);
        const i = Math.min(Math.max(j, 1), n) - 1;
        for (let c = 0; c < r; c++) out[q * r + c] = y[i * r + c];
      }
      break;
    }
    case "next": {
      let j = 0;
      for (let q = 0; q < m; q++) {
        j = searchsorted(st.aux, n, xn[q], true, j);
        const i = Math.min(j, n - 1);
        for (let c = 0; c < r; c++) out[q * r + c] = y[i * r + c];
      }
      break;
    }
  }
  if (!st.extrapolate) {
    const { below, above } = st;
    for (let q = 0; q < m; q++) {
      const v = xn[q];
      if (v < lo) for (let c = 0; c < r; c++) out[q * r + c] = below[c];
      else if (v > hi) for (let c = 0; c < r; c++) out[q * r + c] = above[c];
    }
  }
}

/** numpy.interp inside the range (the ends are filled afterwards): exact at the knots, last duplicate wins. */
function linearNp(x: Float64Array, y: Float64Array, xn: Float64Array, out: Float64Array): void {
  const n = x.length;
  const last = x[n - 1];
  let j = 0;
  for (let q = 0; q < xn.length; q++) {
    const v = xn[q];
    if (Number.isNaN(v)) {
      out[q] = v;
      continue;
    }
    if (v >= last) {
      out[q] = y[n - 1];
      continue;
    }
    if (v < x[0]) {
      out[q] = y[0];
      continue;
    }
    // j: the largest index with x[j] <= v (j < n - 1 here)
    j = searchsorted(x, n, v, true, j + 1) - 1;
    if (v === x[j]) {
      out[q] = y[j];
      continue;
    }
    const slope = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
    let res = slope * (v - x[j]) + y[j];
    if (Number.isNaN(res)) {
      res = slope * (v - x[j + 1]) + y[j + 1];
      if (Number.isNaN(res) && y[j] === y[j + 1]) res = y[j];
    }
    out[q] = res;
  }
}

/** scipy's _call_linear: the segment from searchsorted (left), clipped to [1, n-1]; extrapolates. */
function linearRows(
  x: Float64Array,
  y: Float64Array,
  r: number,
  xn: Float64Array,
  out: Float64Array,
): void {
  const n = x.length;
  let j = 0;
  for (let q = 0; q < xn.length; q++) {
    const v = xn[q];
    j = searchsorted(x, n, v, false, j);
    const hi = Math.min(Math.max(j, 1), n - 1);
    const lo = hi - 1;
    const dx = x[hi] - x[lo];
    for (let c = 0; c < r; c++) {
      const ylo = y[lo * r + c];
      out[q * r + c] = ((y[hi * r + c] - ylo) / dx) * (v - x[lo]) + ylo;
    }
  }
}
