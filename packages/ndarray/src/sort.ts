import { toNDArray } from "./creation.js";
import { allocate, storage } from "./dtype.js";
import { rangeError, typeError } from "./errors.js";
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
  const out = new NDArray(allocate(x.dtype, x.size), x.shape);
  const len = x.shape[axis];
  const lane = allocate(x.dtype, len);
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

// numpy orders NaN after every number; these comparisons do the same.
function before(x: number, y: number): boolean {
  return x < y || (Number.isNaN(y) && !Number.isNaN(x));
}

/** Options of `searchsorted`. */
export interface SearchsortedOptions {
  /** `"left"` (default): first suitable index; `"right"`: last suitable index. */
  side?: "left" | "right";
  /** Indices that sort `a`, when `a` itself is not sorted (e.g. from `argsort`). */
  sorter?: ArrayLike;
}

/**
 * Indices where `v` would be inserted into the sorted 1-D `a` to keep it sorted (numpy's
 * `searchsorted`, binary search; NaN sorts last). A JS number `v` gives a number, an array an
 * int32 NDArray of the same shape.
 * @example
 * searchsorted([1, 2, 2, 3], 2);                      // 1
 * searchsorted([1, 2, 2, 3], [2, 5], { side: "right" }); // array([3, 4], dtype=int32)
 */
export function searchsorted(a: ArrayLike, v: number, options?: SearchsortedOptions): number;
export function searchsorted(a: ArrayLike, v: ArrayLike, options?: SearchsortedOptions): NDArray;
export function searchsorted(
  a: ArrayLike,
  v: ArrayLike,
  options?: SearchsortedOptions,
): number | NDArray {
  checkOptions("searchsorted", options, ["side", "sorter"]);
  const side = options?.side ?? "left";
  if (side !== "left" && side !== "right") {
    throw rangeError(`searchsorted: side must be "left" or "right", got ${JSON.stringify(side)}.`);
  }
  const x = toNDArray("searchsorted", a);
  if (x.ndim !== 1)
    throw rangeError(`searchsorted: a must be 1-dimensional, got shape [${x.shape.join(",")}].`);
  const n = x.size;
  let sorted = Float64Array.from(x.toTypedArray());
  if (options?.sorter !== undefined) {
    const s = toNDArray("searchsorted", options.sorter).toTypedArray();
    if (s.length !== n)
      throw rangeError(`searchsorted: sorter has ${s.length} indices but a has ${n} elements.`);
    const base = sorted;
    sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = s[i];
      if (!Number.isInteger(k) || k < 0 || k >= n)
        throw rangeError(`searchsorted: sorter index ${k} is out of bounds for size ${n}.`);
      sorted[i] = base[k];
    }
  }
  const right = side === "right";
  const find = (value: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // left: first i with a[i] >= value; right: first i with a[i] > value
      if (right ? !before(value, sorted[mid]) : before(sorted[mid], value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  if (typeof v === "number") return find(v);
  const vs = toNDArray("searchsorted", v);
  const flat = vs.toTypedArray();
  const out = new Int32Array(flat.length);
  for (let i = 0; i < flat.length; i++) out[i] = find(flat[i]);
  return new NDArray(out, vs.shape);
}

/** Options of `unique`. */
export interface UniqueOptions {
  /** Also return the index of each value's first occurrence in the flattened input. */
  returnIndex?: boolean;
  /** Also return, for each input element, the index of its value in `values` (shape of `a`). */
  returnInverse?: boolean;
  /** Also return how many times each value occurs. */
  returnCounts?: boolean;
  /** Collapse all NaNs into one value (default true, as numpy). */
  equalNan?: boolean;
}

/** `unique` with any `return*` flag: the sorted values and the requested int32 arrays. */
export interface UniqueResult {
  values: NDArray;
  indices?: NDArray;
  inverse?: NDArray;
  counts?: NDArray;
}

/**
 * The sorted unique elements of the flattened array (numpy's `unique`; NaNs collapse into one,
 * last). With `returnIndex` / `returnInverse` / `returnCounts` it returns an object with
 * `values` and the requested arrays.
 * @example
 * unique([3, 1, 3, 2]);                          // array([1., 2., 3.])
 * unique([3, 1, 3], { returnCounts: true }).counts; // array([1, 2], dtype=int32)
 */
export function unique(
  a: ArrayLike,
  options?: UniqueOptions & { returnIndex?: false; returnInverse?: false; returnCounts?: false },
): NDArray;
export function unique(a: ArrayLike, options: UniqueOptions): UniqueResult;
export function unique(a: ArrayLike, options?: UniqueOptions): NDArray | UniqueResult {
  checkOptions("unique", options, ["returnIndex", "returnInverse", "returnCounts", "equalNan"]);
  const x = toNDArray("unique", a);
  const equalNan = options?.equalNan ?? true;
  const flat = x.ravel();
  const order = argsort(flat).toTypedArray();
  const data = flat.toTypedArray();
  const n = data.length;
  const values: number[] = [];
  const first: number[] = [];
  const counts: number[] = [];
  const inverse = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = data[order[k]];
    const last = values.length - 1;
    const same =
      last >= 0 &&
      (values[last] === v || (equalNan && Number.isNaN(v) && Number.isNaN(values[last])));
    if (!same) {
      values.push(v);
      first.push(order[k]);
      counts.push(0);
    }
    counts[values.length - 1]++;
    inverse[order[k]] = values.length - 1;
  }
  const uniq = new NDArray(new (storage(x.dtype))(values), [values.length]);
  if (!options?.returnIndex && !options?.returnInverse && !options?.returnCounts) return uniq;
  const result: UniqueResult = { values: uniq };
  if (options.returnIndex) result.indices = new NDArray(Int32Array.from(first), [first.length]);
  if (options.returnInverse) result.inverse = new NDArray(inverse, x.shape);
  if (options.returnCounts) result.counts = new NDArray(Int32Array.from(counts), [counts.length]);
  return result;
}
