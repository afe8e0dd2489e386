import { toNDArray } from "./creation.js";
import { storage } from "./dtype.js";
import { typeError } from "./errors.js";
import { forEachLane } from "./internal/reduction.js";
import { checkOptions, normalizeAxis } from "./internal/shape.js";
import { type ArrayLike, NDArray } from "./ndarray.js";

/** Options of `sort` / `argsort`. */
export interface SortOptions {
  /** Axis to sort along (default -1, the last); `null` sorts the flattened array. */
  axis?: number | null;
}

function prepare(fn: string, a: ArrayLike, options: SortOptions | undefined): [NDArray, number] {
  checkOptions(fn, options, ["axis"]);
  let x = toNDArray(fn, a);
  const axisOpt = options?.axis;
  if (axisOpt !== undefined && axisOpt !== null && typeof axisOpt !== "number") {
    throw typeError(
      `${fn}: axis must be a single integer or null, got ${JSON.stringify(axisOpt)}.`,
    );
  }
  if (axisOpt === null || x.ndim === 0) x = x.ravel();
  return [x, normalizeAxis(fn, axisOpt ?? -1, x.ndim)];
}

/**
 * A sorted copy along `axis` (default the last; `null` flattens), ascending with NaN last, as
 * numpy.
 * @example
 * sort([3, 1, NaN, 2]);                 // array([ 1.,  2.,  3., nan])
 * sort([[3, 1], [2, 4]], { axis: 0 });  // array([[2., 1.], [3., 4.]])
 */
export function sort(a: ArrayLike, options?: SortOptions): NDArray {
  const [x, axis] = prepare("sort", a, options);
  const out = new NDArray(new (storage(x.dtype))(x.size), x.shape);
  const len = x.shape[axis];
  const lane = new (storage(x.dtype))(len);
  const xs = x.strides[axis];
  const os = out.strides[axis];
  const xd = x.data;
  const od = out.data;
  // Typed-array sort is numeric with NaN last: numpy's order.
  forEachLane(x.shape, axis, [x, out], ([o, oo]) => {
    for (let i = 0; i < len; i++) lane[i] = xd[o + i * xs];
    lane.sort();
    for (let i = 0; i < len; i++) od[oo + i * os] = lane[i];
  });
  return out;
}

/**
 * Indices that sort `a` along `axis` (int32; default the last axis, `null` flattens). The sort is
 * stable (numpy's `kind="stable"`): ties keep their order; NaN sorts last.
 * @example
 * argsort([3, 1, 2]);         // array([1, 2, 0], dtype=int32)
 * argsort([[3, 1], [2, 4]], { axis: 0 }); // array([[1, 0], [0, 1]], dtype=int32)
 */
export function argsort(a: ArrayLike, options?: SortOptions): NDArray {
  const [x, axis] = prepare("argsort", a, options);
  const out = new NDArray(new Int32Array(x.size), x.shape);
  const len = x.shape[axis];
  const values = new Float64Array(len);
  const order = Array.from({ length: len }, (_, i) => i);
  const xs = x.strides[axis];
  const os = out.strides[axis];
  const xd = x.data;
  const od = out.data;
  const compare = (i: number, j: number): number => {
    const u = values[i];
    const v = values[j];
    if (u < v) return -1;
    if (u > v) return 1;
    const un = Number.isNaN(u);
    const vn = Number.isNaN(v);
    if (un !== vn) return un ? 1 : -1;
    return i - j;
  };
  forEachLane(x.shape, axis, [x, out], ([o, oo]) => {
    for (let i = 0; i < len; i++) {
      values[i] = xd[o + i * xs];
      order[i] = i;
    }
    order.sort(compare);
    for (let i = 0; i < len; i++) od[oo + i * os] = order[i];
  });
  return out;
}
