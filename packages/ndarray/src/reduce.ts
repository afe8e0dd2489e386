import { toNDArray } from "./creation.js";
import { allocate, type DType, isDType, type TypedArray } from "./dtype.js";
import { rangeError, typeError } from "./errors.js";
import { forEachRow } from "./internal/iterate.js";
import { pairwiseSumSquaredDeviations } from "./internal/pairwise.js";
import {
  allReducer,
  anyReducer,
  forEachLane,
  maxReducer,
  minReducer,
  prodReducer,
  type Reducer,
  reduceAxes,
  sumReducer,
} from "./internal/reduction.js";
import {
  checkOptions,
  contiguousStrides,
  normalizeAxes,
  normalizeAxis,
  sizeOf,
} from "./internal/shape.js";
import { type ArrayLike, NDArray } from "./ndarray.js";

/** One axis or several, negative counting from the end. */
export type Axis = number | readonly number[];

/** numpy's `axis` and `keepdims`. Without both, a reduction returns a JS number. */
export interface ReduceOptions {
  /** Axis or axes to reduce; `null`/absent reduces over all axes. */
  axis?: Axis | null;
  /** Keep the reduced axes with length 1, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** Options of `sum`, `prod`, `mean` (and the cumulative functions): also the result `dtype`. */
export interface SumOptions extends ReduceOptions {
  /** dtype of the result; the input is cast to it first, as numpy does. */
  dtype?: DType;
}

/** Options of `var` and `std`. */
export interface VarOptions extends SumOptions {
  /** Delta degrees of freedom: the divisor is `n - ddof` (default 0, the population variance). */
  ddof?: number;
}

/** Options of `argmin` / `argmax`: a single axis. */
export interface ArgOptions {
  /** The axis to search; absent or `null` searches the flattened array. */
  axis?: number | null;
  /** Keep the reduced axis with length 1. */
  keepdims?: boolean;
}

/** Whether option `K` of `O` is certainly set to a `V` ("yes"), certainly off ("no") or unknown. */
export type OptionGiven<O, K extends PropertyKey, V, Off> = K extends keyof O
  ? [Exclude<O[K], Off>] extends [never]
    ? "no"
    : [O[K]] extends [V]
      ? "yes"
      : "maybe"
  : "no";

/**
 * The result type of a reduction called with options `O`: a JS scalar `S` for a full reduction
 * (no `axis`, no `keepdims`), an NDArray when `axis` or `keepdims: true` is given, and the union
 * when the options are not known statically.
 */
export type ReduceResult<O, S = number> =
  OptionGiven<O, "axis", number | readonly number[], null | undefined> extends "yes"
    ? NDArray
    : OptionGiven<O, "keepdims", true, false | undefined> extends "yes"
      ? NDArray
      : OptionGiven<O, "axis", number | readonly number[], null | undefined> extends "no"
        ? OptionGiven<O, "keepdims", true, false | undefined> extends "no"
          ? S
          : S | NDArray
        : S | NDArray;

interface Parsed {
  x: NDArray;
  axes: number[];
  keepdims: boolean;
  full: boolean;
}

function parse(
  fn: string,
  a: ArrayLike,
  options: ReduceOptions | undefined,
  allowed: readonly string[],
): Parsed {
  checkOptions(fn, options, allowed);
  const x = toNDArray(fn, a);
  const axis = options?.axis;
  const keepdims = options?.keepdims ?? false;
  if (typeof keepdims !== "boolean")
    throw typeError(`${fn}: keepdims must be a boolean, got ${String(keepdims)}.`);
  if (axis !== undefined && axis !== null && typeof axis !== "number" && !Array.isArray(axis)) {
    throw typeError(
      `${fn}: axis must be an integer, a list of integers or null, got ${String(axis)}.`,
    );
  }
  let axes: number[];
  try {
    axes = normalizeAxes(fn, axis, x.ndim);
  } catch (e) {
    if (Array.isArray(axis) && new Set(axis).size !== axis.length)
      throw rangeError(`${fn}: duplicate value in axis ${JSON.stringify(axis)}.`);
    throw e;
  }
  return { x, axes, keepdims, full: (axis === undefined || axis === null) && !keepdims };
}

function checkDType(fn: string, dtype: unknown): DType | undefined {
  if (dtype === undefined) return undefined;
  if (!isDType(dtype))
    throw typeError(
      `${fn}: unknown dtype ${JSON.stringify(dtype)}; expected "float64", "float32", "int32" or "bool".`,
    );
  return dtype;
}

/** The kept shape, with length-1 axes in place of the reduced ones when `keepdims`. */
function outShape(p: Parsed): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.x.ndim; i++) {
    if (!p.axes.includes(i)) out.push(p.x.shape[i]);
    else if (p.keepdims) out.push(1);
  }
  return out;
}

function reducedCount(p: Parsed): number {
  let n = 1;
  for (const ax of p.axes) n *= p.x.shape[ax];
  return n;
}

/** Packs the float64 accumulators as the result: a JS number for a full reduction, else an NDArray. */
function finish(p: Parsed, acc: Float64Array, dtype: DType): number | NDArray {
  if (p.full) {
    const v = acc[0];
    if (dtype === "float32") return Math.fround(v);
    if (dtype === "bool") return v !== 0 ? 1 : 0;
    // int32 full reductions keep the exact float64 value (numpy accumulates in int64).
    return v;
  }
  return new NDArray(castAcc(acc, dtype), outShape(p));
}

function castAcc(acc: Float64Array, dtype: DType) {
  if (dtype === "float64") return acc;
  const out = allocate(dtype, acc.length);
  if (dtype === "bool") for (let i = 0; i < acc.length; i++) out[i] = acc[i] !== 0 ? 1 : 0;
  else out.set(acc);
  return out;
}

function checkNonEmpty(fn: string, op: string, p: Parsed): void {
  if (reducedCount(p) === 0)
    throw rangeError(`${fn}: zero-size array to reduction operation ${op} which has no identity.`);
}

/** numpy's accumulator dtype for sum/prod/cumsum: integers and bools in int (int32 here, int64 in numpy). */
function sumDType(dtype: DType): DType {
  return dtype === "bool" ? "int32" : dtype;
}

function floatResult(dtype: DType): DType {
  return dtype === "float32" ? "float32" : "float64";
}

const SUM_OPTIONS = ["axis", "keepdims", "dtype"] as const;
const REDUCE_OPTIONS = ["axis", "keepdims"] as const;

function additive(
  fn: string,
  a: ArrayLike,
  options: SumOptions | undefined,
  r: Reducer,
): number | NDArray {
  const p = parse(fn, a, options, SUM_OPTIONS);
  const want = checkDType(fn, options?.dtype);
  if (want !== undefined && want !== p.x.dtype) p.x = p.x.astype(want);
  return finish(p, reduceAxes(p.x, p.axes, r), want ?? sumDType(p.x.dtype));
}

/**
 * Sum of the elements over `axis` (all axes by default), with numpy's pairwise summation along
 * contiguous rows (rounding error O(log n)·eps, and numpy's exact result) and row-by-row
 * accumulation along other axes. Empty sums are 0. Integer and bool inputs sum to int32 arrays
 * (a full sum returns the exact total as a number); float32 inputs are accumulated in float64
 * and rounded once (numpy accumulates in float32, so the last bit may differ).
 * @example
 * sum([[1, 2], [3, 4]]);                    // 10
 * sum([[1, 2], [3, 4]], { axis: 0 });       // array([4., 6.])
 * sum([[1, 2], [3, 4]], { axis: 1, keepdims: true }); // array([[3.], [7.]])
 */
export function sum<const O extends SumOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return additive("sum", a, options, sumReducer) as ReduceResult<O>;
}

/**
 * Product of the elements over `axis` (all by default); the empty product is 1.
 * @example
 * prod([1, 2, 3, 4]);                 // 24
 * prod([[1, 2], [3, 4]], { axis: 1 }); // array([ 2., 12.])
 */
export function prod<const O extends SumOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return additive("prod", a, options, prodReducer) as ReduceResult<O>;
}

function meanOf(p: Parsed, dtype: DType | undefined): [Float64Array, number] {
  // A float dtype only sets the result type (we accumulate in float64 anyway); an integer dtype
  // truncates the inputs first, as numpy's cast does.
  if (dtype !== undefined && dtype !== p.x.dtype && (dtype === "int32" || dtype === "bool"))
    p.x = p.x.astype(dtype);
  const acc = reduceAxes(p.x, p.axes, sumReducer);
  const n = reducedCount(p);
  for (let i = 0; i < acc.length; i++) acc[i] /= n;
  return [acc, n];
}

/**
 * Arithmetic mean over `axis` (`sum / n`, with the pairwise sum). Integer inputs give float64;
 * the mean of an empty array is NaN.
 * @example
 * mean([1, 2, 3, 4]);                  // 2.5
 * mean([[1, 2], [3, 4]], { axis: 0 }); // array([2., 3.])
 */
export function mean<const O extends SumOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  const p = parse("mean", a, options, SUM_OPTIONS);
  const want = checkDType("mean", options?.dtype);
  const [acc] = meanOf(p, want);
  return finish(p, acc, want ?? floatResult(p.x.dtype)) as ReduceResult<O>;
}

function variance(
  fn: string,
  a: ArrayLike,
  options: VarOptions | undefined,
): [Parsed, Float64Array, DType] {
  const p = parse(fn, a, options, ["axis", "keepdims", "dtype", "ddof"]);
  const want = checkDType(fn, options?.dtype);
  const ddof = options?.ddof ?? 0;
  if (typeof ddof !== "number" || Number.isNaN(ddof))
    throw typeError(`${fn}: ddof must be a number, got ${String(ddof)}.`);
  const [m, n] = meanOf(p, want);
  // numpy's two passes: the mean (broadcast back over the reduced axes), then the pairwise sum
  // of the squared deviations, iterated in the same order as sum.
  const x = p.x;
  const div = Math.max(n - ddof, 0);
  if (p.axes.length === x.ndim && x.data instanceof Float64Array && x.isContiguous) {
    // Whole contiguous array: stream the squared deviations through the same pairwise tree.
    const acc = new Float64Array(1);
    acc[0] = (0 + pairwiseSumSquaredDeviations(x.data, x.offset, x.size, m[0])) / div;
    return [p, acc, want ?? floatResult(x.dtype)];
  }
  const mb = new NDArray(
    m,
    x.shape.map((len, i) => (p.axes.includes(i) ? 1 : len)),
  ).broadcastTo(x.shape);
  const dev = new Float64Array(x.size);
  const xd = x.data;
  forEachRow(
    x.shape,
    [x.strides, mb.strides, contiguousStrides(x.shape)],
    [x.offset, 0, 0],
    ([xo, mo, oo], len, [xs, ms, os]) => squaredDeviations(xd, xo, xs, m, mo, ms, dev, oo, os, len),
  );
  const acc = reduceAxes(new NDArray(dev, x.shape), p.axes, sumReducer);
  for (let i = 0; i < acc.length; i++) acc[i] /= div;
  return [p, acc, want ?? floatResult(x.dtype)];
}

function squaredDeviations(
  x: TypedArray,
  xo: number,
  xs: number,
  m: Float64Array,
  mo: number,
  ms: number,
  out: Float64Array,
  oo: number,
  os: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const d = x[xo + i * xs] - m[mo + i * ms];
    out[oo + i * os] = d * d;
  }
}

/**
 * Variance over `axis` (numpy's `var`; exported as both `var_` and `var`):
 * `sum((x - mean)^2) / (n - ddof)`, in two passes as numpy. `ddof` is 0 by default (the
 * population variance); `n - ddof <= 0` gives NaN or Infinity, as numpy.
 * @example
 * var_([1, 2, 3, 4]);              // 1.25
 * var_([1, 2, 3, 4], { ddof: 1 }); // 1.6666666666666667
 */
export function var_<const O extends VarOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  const [p, acc, dtype] = variance("var", a, options);
  return finish(p, acc, dtype) as ReduceResult<O>;
}

/**
 * Standard deviation over `axis`: the square root of the variance {@link var_} (same `ddof`).
 * @example
 * std([1, 2, 3, 4]);                  // 1.118033988749895
 * std([[1, 2], [3, 5]], { axis: 0 }); // array([1. , 1.5])
 */
export function std<const O extends VarOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  const [p, acc, dtype] = variance("std", a, options);
  for (let i = 0; i < acc.length; i++) acc[i] = Math.sqrt(acc[i]);
  return finish(p, acc, dtype) as ReduceResult<O>;
}

export function extreme(
  fn: string,
  op: string,
  a: ArrayLike,
  options: ReduceOptions | undefined,
  r: Reducer,
): number | NDArray {
  const p = parse(fn, a, options, REDUCE_OPTIONS);
  checkNonEmpty(fn, op, p);
  return finish(p, reduceAxes(p.x, p.axes, r), p.x.dtype);
}

/**
 * Largest element over `axis` (numpy's `max`/`amax`); NaN propagates. An empty reduction throws
 * a RangeError, as numpy (there is no identity).
 * @example
 * max([[1, 5], [3, 2]]);             // 5
 * max([[1, 5], [3, 2]], { axis: 0 }); // array([3., 5.])
 * max([1, NaN, 3]);                   // NaN
 */
export function max<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return extreme("max", "maximum", a, options, maxReducer) as ReduceResult<O>;
}

/**
 * Smallest element over `axis` (numpy's `min`/`amin`); NaN propagates. An empty reduction throws
 * a RangeError, as numpy.
 * @example
 * min([[1, 5], [3, 2]]);             // 1
 * min([[1, 5], [3, 2]], { axis: 1 }); // array([1., 2.])
 */
export function min<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return extreme("min", "minimum", a, options, minReducer) as ReduceResult<O>;
}

function logical(
  fn: string,
  a: ArrayLike,
  options: ReduceOptions | undefined,
  r: Reducer,
): boolean | NDArray {
  const p = parse(fn, a, options, REDUCE_OPTIONS);
  const out = finish(p, reduceAxes(p.x, p.axes, r), "bool");
  return typeof out === "number" ? out !== 0 : out;
}

/**
 * True if any element over `axis` is truthy (nonzero; NaN counts as true). A full reduction
 * returns a boolean, an axis reduction a bool NDArray. Empty: false.
 * @example
 * any([0, 0, 1]);                          // true
 * any([[0, 0], [0, 1]], { axis: 1 });      // array([False,  True])
 */
export function any<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O, boolean> {
  return logical("any", a, options, anyReducer) as ReduceResult<O, boolean>;
}

/**
 * True if every element over `axis` is truthy (nonzero). Empty: true.
 * @example
 * all([1, 2, 3]);                          // true
 * all([[1, 0], [1, 1]], { axis: 1 });      // array([False,  True])
 */
export function all<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O, boolean> {
  return logical("all", a, options, allReducer) as ReduceResult<O, boolean>;
}

/** Index of the first extreme of a lane (the first NaN if there is one). */
function argLane(d: TypedArray, o: number, s: number, n: number, greater: boolean): number {
  let best = d[o];
  if (Number.isNaN(best)) return 0;
  let at = 0;
  if (greater) {
    for (let i = 1; i < n; i++) {
      const v = d[o + i * s];
      if (!(v <= best)) {
        if (Number.isNaN(v)) return i;
        best = v;
        at = i;
      }
    }
  } else {
    for (let i = 1; i < n; i++) {
      const v = d[o + i * s];
      if (!(v >= best)) {
        if (Number.isNaN(v)) return i;
        best = v;
        at = i;
      }
    }
  }
  return at;
}

function argExtreme(
  fn: string,
  a: ArrayLike,
  options: ArgOptions | undefined,
  greater: boolean,
): number | NDArray {
  checkOptions(fn, options, REDUCE_OPTIONS);
  const x = toNDArray(fn, a);
  const axis = options?.axis;
  const keepdims = options?.keepdims ?? false;
  if (axis !== undefined && axis !== null && typeof axis !== "number") {
    throw typeError(`${fn}: axis must be a single integer or null, got ${JSON.stringify(axis)}.`);
  }
  const emptyError = () => rangeError(`${fn}: attempt to get ${fn} of an empty sequence.`);
  const d = x.data;
  if (axis === undefined || axis === null) {
    if (x.size === 0) throw emptyError();
    // First occurrence in C order over the flattened array; the first NaN wins outright.
    const flat = x.isContiguous ? x : x.copy();
    const at = argLane(flat.data, flat.offset, 1, flat.size, greater);
    if (!keepdims) return at;
    const out = new Int32Array(1);
    out[0] = at;
    return new NDArray(
      out,
      x.shape.map(() => 1),
    );
  }
  const ax = normalizeAxis(fn, axis, x.ndim);
  const len = x.shape[ax];
  const shape = x.shape.filter((_, i) => i !== ax);
  const size = sizeOf(shape);
  if (len === 0 && size > 0) throw emptyError();
  const out = new Int32Array(size);
  const outFull = new NDArray(
    out,
    x.shape.map((n, i) => (i === ax ? 1 : n)),
  );
  const stride = x.strides[ax];
  const outStrides = outFull.strides.map((s, i) => (i === ax ? 0 : s));
  forEachLane(x.shape, ax, [x, { strides: outStrides, offset: 0 }], ([o, oo]) => {
    out[oo] = argLane(d, o, stride, len, greater);
  });
  return keepdims ? outFull : new NDArray(out, shape);
}

/**
 * Index of the largest element: in the flattened array (C order) by default, or along `axis`
 * (an int32 NDArray). The first occurrence wins; NaN counts as the largest (the first NaN).
 * @example
 * argmax([3, 7, 7, 1]);                     // 1
 * argmax([[1, 9], [8, 2]], { axis: 0 });    // array([1, 0], dtype=int32)
 */
export function argmax<const O extends ArgOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return argExtreme("argmax", a, options, true) as ReduceResult<O>;
}

/**
 * Index of the smallest element: in the flattened array (C order) by default, or along `axis`.
 * The first occurrence wins; NaN counts as the smallest (the first NaN).
 * @example
 * argmin([3, 1, 1, 7]);                     // 1
 * argmin([[1, 9], [8, 2]], { axis: 1 });    // array([0, 1], dtype=int32)
 */
export function argmin<const O extends ArgOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return argExtreme("argmin", a, options, false) as ReduceResult<O>;
}
