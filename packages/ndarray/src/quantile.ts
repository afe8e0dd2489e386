import { toNDArray } from "./creation.js";
import { rangeError, typeError } from "./errors.js";
import { checkOptions, normalizeAxes, sizeOf } from "./internal/shape.js";
import { type ArrayLike, NDArray } from "./ndarray.js";
import type { Axis, ReduceResult } from "./reduce.js";

/** Options of `quantile`, `percentile` and `median`. */
export interface QuantileOptions {
  /** Axis or axes to reduce; absent or `null` uses all elements. */
  axis?: Axis | null;
  /** Keep the reduced axes with length 1. */
  keepdims?: boolean;
}

/**
 * Gathers the reduced axes of `x` into the last axis of a contiguous float64 copy, sorted along
 * that axis (NaN last), so each lane is a sorted sample.
 */
function sortedLanes(fn: string, a: ArrayLike, options: QuantileOptions | undefined) {
  checkOptions(fn, options, ["axis", "keepdims"]);
  const x = toNDArray(fn, a);
  const keepdims = options?.keepdims ?? false;
  if (typeof keepdims !== "boolean")
    throw typeError(`${fn}: keepdims must be a boolean, got ${String(keepdims)}.`);
  const axes = normalizeAxes(fn, options?.axis, x.ndim);
  const kept = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const n = axes.reduce((p, i) => p * x.shape[i], 1);
  const keptShape = kept.map((i) => x.shape[i]);
  const moved = x
    .transpose([...kept, ...axes])
    .astype("float64")
    .reshape([...keptShape, n]);
  const data = moved.data as Float64Array;
  const lanes = sizeOf(keptShape);
  for (let k = 0; k < lanes; k++) data.subarray(k * n, (k + 1) * n).sort();
  const outShape = keepdims ? x.shape.map((len, i) => (axes.includes(i) ? 1 : len)) : keptShape;
  const full = (options?.axis === undefined || options?.axis === null) && !keepdims;
  return { data, n, lanes, outShape, full };
}

// numpy's _lerp: a + (b - a) * t, evaluated from the upper end when t >= 0.5 (monotone and exact
// at both ends).
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** numpy's default "linear" method (type 7) on a sorted lane; NaN anywhere gives NaN. */
function linear(d: Float64Array, o: number, n: number, q: number): number {
  if (Number.isNaN(d[o + n - 1])) return Number.NaN;
  const at = (n - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, n - 1);
  return lerp(d[o + lo], d[o + hi], at - lo);
}

function compute(
  fn: string,
  a: ArrayLike,
  q: ArrayLike,
  scale: number,
  options: QuantileOptions | undefined,
) {
  const qs = toNDArray(fn, q);
  const qv = Array.from(qs.astype("float64").toTypedArray() as Float64Array, (v) => v / scale);
  for (const v of qv) {
    if (!(v >= 0 && v <= 1)) {
      throw rangeError(
        scale === 1
          ? `${fn}: quantiles must be in the range [0, 1], got ${v}.`
          : `${fn}: percentiles must be in the range [0, 100], got ${v * 100}.`,
      );
    }
  }
  const { data, n, lanes, outShape, full } = sortedLanes(fn, a, options);
  if (n === 0) throw rangeError(`${fn}: cannot compute a quantile of an empty array.`);
  const out = new Float64Array(qv.length * lanes);
  for (let j = 0; j < qv.length; j++) {
    for (let k = 0; k < lanes; k++) out[j * lanes + k] = linear(data, k * n, n, qv[j]);
  }
  if (full && qs.ndim === 0) return out[0];
  return new NDArray(out, [...qs.shape, ...outShape]);
}

/**
 * The q-th quantile(s) over `axis` with numpy's default "linear" interpolation; NaN in a lane
 * gives NaN. An array `q` puts its axes first in the result, as numpy.
 * @example
 * quantile([1, 2, 3, 4], 0.5);                   // 2.5
 * quantile([[1, 2], [3, 4]], [0.25, 1], { axis: 0 }); // array([[1.5, 2.5], [3. , 4. ]])
 */
export function quantile<const O extends QuantileOptions = Record<never, never>>(
  a: ArrayLike,
  q: number,
  options?: O,
): ReduceResult<O>;
export function quantile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray;
export function quantile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): number | NDArray {
  return compute("quantile", a, q, 1, options);
}

/**
 * The q-th percentile(s) (q in [0, 100]) over `axis`: {@link quantile} of q/100.
 * @example
 * percentile([1, 2, 3, 4], 50);  // 2.5
 * percentile([0, 10], [25, 75]); // array([2.5, 7.5])
 */
export function percentile<const O extends QuantileOptions = Record<never, never>>(
  a: ArrayLike,
  q: number,
  options?: O,
): ReduceResult<O>;
export function percentile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray;
export function percentile(
  a: ArrayLike,
  q: ArrayLike,
  options?: QuantileOptions,
): number | NDArray {
  return compute("percentile", a, q, 100, options);
}

/**
 * The median over `axis`: the middle element, or the mean of the two middle ones (numpy's
 * `median`); NaN in a lane gives NaN, an empty array gives NaN.
 * @example
 * median([3, 1, 4, 1, 5]);              // 3
 * median([[1, 2], [3, 5]], { axis: 0 }); // array([2. , 3.5])
 */
export function median<const O extends QuantileOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  const { data, n, lanes, outShape, full } = sortedLanes("median", a, options);
  const out = new Float64Array(lanes);
  for (let k = 0; k < lanes; k++) {
    const o = k * n;
    if (n === 0 || Number.isNaN(data[o + n - 1])) out[k] = Number.NaN;
    else if (n % 2 === 1) out[k] = data[o + (n - 1) / 2];
    else out[k] = (data[o + n / 2 - 1] + data[o + n / 2]) / 2;
  }
  return (full ? out[0] : new NDArray(out, outShape)) as ReduceResult<O>;
}
