import {
  type ArrayLike,
  checkOptions,
  LinAlgError,
  type NDArray,
  rangeError,
  ShapeError,
} from "@nabla/ndarray";
import { BSpline, BSplineData } from "./bspline.js";
import { BandMatrix, bandSize, solveBanded } from "./internal/banded.js";
import { basis } from "./internal/deboor.js";
import {
  checkIncreasingNaNPasses,
  firstNonFinite,
  pyFloat,
  pyShape,
  type Rows,
  toArray,
  toRows,
  toVector,
} from "./internal/input.js";
import { withScratch } from "./internal/scratch.js";
import { findSpan } from "./internal/search.js";

/** Known derivatives at one end: `[order, value]` pairs, or "natural" / "clamped". */
export type SplineEndCondition =
  | null
  | "natural"
  | "clamped"
  | readonly (readonly [number, ArrayLike])[];

/** `bcType` of {@link makeInterpSpline}. */
export type SplineBC =
  | null
  | "not-a-knot"
  | "natural"
  | "clamped"
  | readonly [SplineEndCondition, SplineEndCondition];

/** Options of {@link makeInterpSpline}. */
export interface MakeInterpSplineOptions {
  /** Knots (default: not-a-knot knots from `x`, or `x` with repeated ends when derivatives are given). */
  t?: ArrayLike | null;
  /** End conditions (default: not-a-knot). */
  bcType?: SplineBC;
  /** Axis of `y` along which `x` runs. Default 0. */
  axis?: number;
  /** Reject NaN and infinity in x and y (default true). */
  checkFinite?: boolean;
}

/**
 * The interpolating B-spline of degree `k` through `(x, y)` (scipy's `make_interp_spline`), for
 * any `k >= 0` (0: piecewise constant, 1: piecewise linear, 3: cubic). Default knots give the
 * not-a-knot condition; `bcType` sets derivatives at the ends ("natural", "clamped", or
 * `[[[order, value], ...], [[order, value], ...]]`). Solves the banded collocation system.
 * @example
 * const b = makeInterpSpline([0, 1, 2, 3, 4], [0, 1, 8, 27, 64]);  // cubic, exact on x^3
 * b(2.5);                                    // 15.625
 * makeInterpSpline([0, 1, 2, 3], [0, 1, 4, 9], 3, { bcType: "natural" })(1.5);
 */
export function makeInterpSpline<V extends number | NDArray = number>(
  x: ArrayLike,
  y: ArrayLike,
  k = 3,
  options?: MakeInterpSplineOptions,
): BSpline<V> {
  const fn = "makeInterpSpline";
  checkOptions(fn, options, ["t", "bcType", "axis", "checkFinite"]);
  if (!Number.isInteger(k)) throw rangeError(`${fn}: the degree k must be an integer, got ${k}.`);
  if (k < 0) throw rangeError(`${fn}: Expect non-negative k, got ${k}.`);
  const [derivL, derivR] = parseBC(fn, options?.bcType ?? null);
  const xa = toArray(fn, "x", x);
  const rows = toRows(fn, y, options?.axis ?? 0);
  if (options?.checkFinite ?? true) {
    const xs = xa.toTypedArray() as Float64Array;
    let i = firstNonFinite(xs);
    if (i >= 0)
      throw rangeError(`${fn}: array must not contain infs or NaNs (x[${i}] = ${xs[i]}).`);
    i = firstNonFinite(rows.data);
    if (i >= 0)
      throw rangeError(`${fn}: array must not contain infs or NaNs (y has ${rows.data[i]}).`);
  }
  if (xa.size !== rows.n || xa.ndim !== 1) {
    throw new ShapeError(
      `${fn}: Shapes of x ${pyShape(xa.shape)} and y ${pyShape([rows.n, ...rows.trailing])} are incompatible.`,
    );
  }
  const xs = Float64Array.from(xa.toTypedArray());
  const t = options?.t === undefined || options.t === null ? null : toVector(fn, "t", options.t);
  return interpSpline(fn, xs, rows, k, t, derivL, derivR) as BSpline<V>;
}

type Deriv = null | string | readonly (readonly [number, ArrayLike])[];

function parseBC(fn: string, bc: unknown): [Deriv, Deriv] {
  if (bc === null || bc === "not-a-knot") return [null, null];
  if (bc === "natural" || bc === "clamped") return [bc, bc];
  if (Array.isArray(bc) && bc.length === 2) return [bc[0] as Deriv, bc[1] as Deriv];
  throw rangeError(
    `${fn}: Unknown boundary condition: ${JSON.stringify(bc)}. Use null, "not-a-knot", "natural", "clamped" or [left, right] lists of [order, value] pairs.`,
  );
}

/** The validated core, shared with interp1d: x sorted 1-D, y as rows. */
export function interpSpline(
  fn: string,
  x: Float64Array,
  y: Rows,
  k: number,
  tIn: Float64Array | null,
  derivL: Deriv,
  derivR: Deriv,
): BSpline {
  const n = x.length;
  const { r, trailing, axis } = y;
  checkIncreasingNaNPasses(fn, x);
  if (k === 0) {
    if (tIn !== null || derivL !== null || derivR !== null)
      throw rangeError(`${fn}: Too much info for k=0: t and bc_type can only be None.`);
    const t = new Float64Array(n + 1);
    t.set(x);
    t[n] = x[n - 1];
    return new BSpline(new BSplineData(t, y.data.slice(), n, 0, r, trailing, true, axis));
  }
  if (k === 1 && tIn === null) {
    if (derivL !== null || derivR !== null)
      throw rangeError(`${fn}: Too much info for k=1: bc_type can only be None.`);
    const t = new Float64Array(n + 2);
    t[0] = x[0];
    t.set(x, 1);
    t[n + 1] = x[n - 1];
    return new BSpline(new BSplineData(t, y.data.slice(), n, 1, r, trailing, true, axis));
  }
  const t = tIn ?? (derivL === null && derivR === null ? notAKnot(x, k) : augknt(x, k));
  for (let i = 1; i < t.length; i++)
    if (t[i] < t[i - 1]) throw rangeError(`${fn}: Expect t to be a 1-D sorted array_like.`);
  if (t.length < n + k + 1)
    throw rangeError(`${fn}: Got ${t.length} knots, need at least ${n + k + 1}.`);
  if (x[0] < t[k] || x[n - 1] > t[t.length - k])
    throw rangeError(
      `${fn}: Out of bounds w/ x = [${Array.from(x).join(", ")}]: the data must lie within [t[k], t[-k]].`,
    );
  const left = derivSpec(fn, derivL, r);
  const right = derivSpec(fn, derivR, r);
  for (const o of left.ords)
    if (!(o >= 0 && o <= k))
      throw rangeError(
        `${fn}: Bad boundary conditions at ${pyFloat(x[0])}: derivative order ${o} is not in 0..${k}.`,
      );
  for (const o of right.ords)
    if (!(o >= 0 && o <= k))
      throw rangeError(
        `${fn}: Bad boundary conditions at ${pyFloat(x[n - 1])}: derivative order ${o} is not in 0..${k}.`,
      );
  const nt = t.length - k - 1;
  const nl = left.ords.length;
  const nr = right.ords.length;
  if (nt - n !== nl + nr) {
    throw rangeError(
      `${fn}: The number of derivatives at boundaries does not match: expected ${nt - n}, got ${nl}+${nr}. With k = ${k} and the default knots, x needs at least ${k + 1} points.`,
    );
  }
  // collocation rows: derivative conditions at x[0], the data, derivative conditions at x[-1]
  const rowAt = (row: number): number =>
    row < nl ? x[0] : row >= nt - nr ? x[n - 1] : x[row - nl];
  const rowNu = (row: number): number =>
    row < nl ? left.ords[row] : row >= nt - nr ? right.ords[row - nt + nr] : 0;
  const spans = new Int32Array(nt);
  let kl = 0;
  let ku = 0;
  for (let row = 0, l = k; row < nt; row++) {
    l = findSpan(t, k, nt, rowAt(row), l, false);
    spans[row] = l;
    kl = Math.max(kl, row - (l - k));
    ku = Math.max(ku, l - row);
  }
  const rhs = new Float64Array(nt * r);
  rhs.set(left.vals, 0);
  rhs.set(y.data, nl * r);
  rhs.set(right.vals, (nt - nr) * r);
  const solved = withScratch(bandSize(nt, kl, ku), (block) => {
    const a = new BandMatrix(nt, kl, ku, block);
    const h = new Float64Array(k + 1);
    const work = new Float64Array(k + 1);
    for (let row = 0; row < nt; row++) {
      const l = spans[row];
      basis(t, k, rowAt(row), l, rowNu(row), h, work);
      for (let p = 0; p <= k; p++) a.set(row, l - k + p, h[p]);
    }
    return solveBanded(a, rhs, r);
  });
  if (!solved) throw new LinAlgError(`${fn}: Colocation matrix is singular.`);
  return new BSpline(new BSplineData(t, rhs, nt, k, r, trailing, true, axis));
}

function derivSpec(fn: string, d: Deriv, r: number): { ords: number[]; vals: Float64Array } {
  if (d === null) return { ords: [], vals: new Float64Array(0) };
  if (d === "clamped") return { ords: [1], vals: new Float64Array(r) };
  if (d === "natural") return { ords: [2], vals: new Float64Array(r) };
  if (typeof d === "string") throw rangeError(`${fn}: Unknown boundary condition : ${d}`);
  if (!Array.isArray(d)) {
    throw rangeError(
      `${fn}: Derivatives, \`bc_type\`, should be specified as a pair of iterables of pairs of (order, value).`,
    );
  }
  const ords: number[] = [];
  const vals = new Float64Array(d.length * r);
  d.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !Number.isInteger(pair[0])) {
      throw rangeError(
        `${fn}: Derivatives, \`bc_type\`, should be specified as a pair of iterables of pairs of (order, value); got ${JSON.stringify(pair)}.`,
      );
    }
    ords.push(pair[0]);
    const v = toArray(fn, "bcType value", pair[1]);
    if (v.size === 1) vals.fill(v.toTypedArray()[0], i * r, (i + 1) * r);
    else if (v.size === r) vals.set(v.toTypedArray(), i * r);
    else
      throw new ShapeError(
        `${fn}: a derivative value must have ${r} elements (the shape of y without the axis), got shape ${pyShape(v.shape)}.`,
      );
  });
  return { ords, vals };
}

/** Not-a-knot knots (de Boor): the data without the points next to the ends; midpoints for even k. */
function notAKnot(x: Float64Array, k: number): Float64Array {
  const n = x.length;
  let inner: Float64Array;
  if (k % 2 === 1) {
    const k2 = (k + 1) / 2;
    inner = x.slice(k2, Math.max(k2, n - k2));
  } else {
    const k2 = k / 2;
    const mid = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++) mid[i] = (x[i + 1] + x[i]) / 2;
    inner = mid.slice(k2, Math.max(k2, n - 1 - k2));
  }
  const t = new Float64Array(2 * (k + 1) + inner.length);
  t.fill(x[0], 0, k + 1);
  t.set(inner, k + 1);
  t.fill(x[n - 1], k + 1 + inner.length);
  return t;
}

/** x with its ends repeated k more times. */
function augknt(x: Float64Array, k: number): Float64Array {
  const n = x.length;
  const t = new Float64Array(n + 2 * k);
  t.fill(x[0], 0, k);
  t.set(x, k);
  t.fill(x[n - 1], n + k);
  return t;
}
