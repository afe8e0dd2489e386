import { divide, multiply, subtract } from "./arithmetic.js";
import { toNDArray } from "./creation.js";
import { rangeError, ShapeError } from "./errors.js";
import { checkOptions, formatShape, normalizeAxes, sameShape } from "./internal/shape.js";
import type { ArrayLike, NDArray } from "./ndarray.js";
import { type Axis, max, mean, min, type ReduceOptions, type ReduceResult, sum } from "./reduce.js";

/** Options of `average`. */
export interface AverageOptions {
  /** Axis or axes to average over; absent or `null` averages all elements. */
  axis?: Axis | null;
  /** Weights: the shape of `a`, or 1-D with the length of the single `axis`. */
  weights?: ArrayLike;
  /** Keep the reduced axes with length 1. */
  keepdims?: boolean;
}

/**
 * Weighted average over `axis`: `sum(a * w) / sum(w)` (numpy's `average`); without weights, the
 * mean.
 * @example
 * average([1, 2, 3, 4]);                               // 2.5
 * average([1, 2, 3], { weights: [3, 0, 1] });          // 1.5
 * average([[1, 2], [3, 4]], { axis: 1, weights: [1, 3] }); // array([1.75, 3.75])
 */
export function average<const O extends AverageOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  checkOptions("average", options, ["axis", "weights", "keepdims"]);
  const given = toNDArray("average", a);
  // numpy computes weighted averages in floating point (no integer overflow in a * w).
  const x =
    given.dtype === "float64" || given.dtype === "float32" ? given : given.astype("float64");
  const reduce = { axis: options?.axis, keepdims: options?.keepdims };
  if (options?.weights === undefined) return mean(x, reduce) as ReduceResult<O>;
  let w = toNDArray("average", options.weights);
  if (!sameShape(w.shape, x.shape)) {
    const axis = options.axis;
    if (axis === undefined || axis === null) {
      throw new ShapeError(
        `average: axis must be specified when shapes of a and weights differ (shapes ${formatShape(x.shape)} and ${formatShape(w.shape)}).`,
      );
    }
    const axes = normalizeAxes("average", axis, x.ndim);
    if (w.ndim !== axes.length || axes.some((ax, i) => w.shape[i] !== x.shape[ax])) {
      throw new ShapeError(
        `average: shape of weights ${formatShape(w.shape)} must be the shape of a ${formatShape(x.shape)} along axis ${JSON.stringify(axis)}.`,
      );
    }
    // Place the weight axes at their axes of `a` and broadcast over the others.
    const shape = x.shape.map((n, i) => (axes.includes(i) ? n : 1));
    w = w.reshape(shape).broadcastTo(x.shape);
  }
  const scale = sum(w, reduce);
  const zero =
    typeof scale === "number"
      ? scale === 0
      : (scale as NDArray).toTypedArray().some((v) => v === 0);
  if (zero) throw rangeError("average: weights sum to zero, can't be normalized.");
  const total = sum(multiply(x, w), reduce);
  if (typeof total === "number") return (total / (scale as number)) as ReduceResult<O>;
  return divide(total, scale as NDArray) as ReduceResult<O>;
}

/**
 * Range of values (maximum - minimum) over `axis` (numpy's `ptp`); NaN propagates.
 * @example
 * ptp([4, 9, 2, 10]);                  // 8
 * ptp([[4, 9], [2, 10]], { axis: 0 }); // array([2., 1.])
 */
export function ptp<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  const hi = max(a, options as ReduceOptions);
  const lo = min(a, options as ReduceOptions);
  if (typeof hi === "number") return (hi - (lo as number)) as ReduceResult<O>;
  return subtract(hi, lo as NDArray) as ReduceResult<O>;
}

/**
 * Number of nonzero (truthy) elements over `axis` (numpy's `count_nonzero`): a number, or an
 * int32 array with `axis`.
 * @example
 * countNonzero([[0, 1, 7], [0, 0, 3]]);             // 3
 * countNonzero([[0, 1, 7], [0, 0, 3]], { axis: 1 }); // array([2, 1], dtype=int32)
 */
export function countNonzero<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  checkOptions("countNonzero", options, ["axis", "keepdims"]);
  const x = toNDArray("countNonzero", a);
  const truthy = x.dtype === "bool" ? x : x.astype("bool");
  return sum(truthy, options as ReduceOptions) as ReduceResult<O>;
}
