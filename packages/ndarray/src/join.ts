import { toNDArray } from "./creation.js";
import { allocate, type DType, promote, storage, type TypedArray } from "./dtype.js";
import { rangeError, ShapeError, typeError } from "./errors.js";
import { assign } from "./internal/assign.js";
import { checkOptions, formatShape, normalizeAxis, sameShape, sizeOf } from "./internal/shape.js";
import { type ArrayLike, fresh, NDArray, type SliceSpec, view } from "./ndarray.js";

/** Options of `concatenate`. */
export interface ConcatenateOptions {
  /** Axis to join along (default 0); `null` flattens every input first. */
  axis?: number | null;
  /** dtype of the result (default: the promoted dtype of the inputs). */
  dtype?: DType;
}

/** Options of `stack`. */
export interface StackOptions {
  /** Position of the new axis in the result (default 0). */
  axis?: number;
  /** dtype of the result (default: the promoted dtype of the inputs). */
  dtype?: DType;
}

function toList(fn: string, arrays: readonly ArrayLike[], what: string): NDArray[] {
  if (!Array.isArray(arrays))
    throw typeError(`${fn}: expected a list of arrays, got ${typeof arrays}.`);
  if (arrays.length === 0) throw rangeError(`${fn}: need at least one array to ${what}.`);
  // Plain loops here and in resultDType, not map/reduce with closures: autodiff stacks small
  // arrays on every np.array([x, y]), and V8's optimized code for a callback builtin is several
  // times larger (a cold-start compile cost).
  const xs = new Array<NDArray>(arrays.length);
  for (let j = 0; j < arrays.length; j++) xs[j] = toNDArray(fn, arrays[j]);
  return xs;
}

function resultDType(fn: string, xs: readonly NDArray[], dtype: DType | undefined): DType {
  if (dtype !== undefined) {
    if (storage(dtype) === undefined)
      throw typeError(`${fn}: unknown dtype ${JSON.stringify(dtype)}.`);
    return dtype;
  }
  let d = xs[0].dtype;
  for (let j = 1; j < xs.length; j++) d = promote(d, xs[j].dtype);
  return d;
}

/**
 * Copies `outer` blocks of `block` elements, the o-th from `src[so + o * block * ss]` (elements
 * `ss` apart: 1 for a contiguous source, any stride for a 1-D one) to `dst[start + o * run]`:
 * one input's share of a join or a stack.
 */
function copyBlocks(
  dst: TypedArray,
  start: number,
  run: number,
  src: TypedArray,
  so: number,
  ss: number,
  block: number,
  outer: number,
): void {
  for (let o = 0; o < outer; o++) {
    const d = start + o * run;
    const s = so + o * block * ss;
    for (let i = 0; i < block; i++) dst[d + i] = src[s + i * ss];
  }
}

/** Joins NDArrays along an existing axis (all checks done here, numpy's messages). */
function join(
  fn: string,
  xs: NDArray[],
  axisOpt: number | null,
  dtype: DType | undefined,
): NDArray {
  if (axisOpt === null) xs = xs.map((x) => x.ravel());
  const ndim = xs[0].ndim;
  if (ndim === 0) throw rangeError(`${fn}: zero-dimensional arrays cannot be concatenated.`);
  const axis = normalizeAxis(fn, axisOpt ?? 0, ndim);
  const first = xs[0].shape;
  for (let j = 1; j < xs.length; j++) {
    const s = xs[j].shape;
    if (s.length !== ndim) {
      throw new ShapeError(
        `${fn}: all the input arrays must have same number of dimensions, but the array at index 0 has ${ndim} dimension(s) (shape ${formatShape(first)}) and the array at index ${j} has ${s.length} dimension(s) (shape ${formatShape(s)}).`,
      );
    }
    for (let i = 0; i < ndim; i++) {
      if (i !== axis && s[i] !== first[i]) {
        throw new ShapeError(
          `${fn}: all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${i}, the array at index 0 has size ${first[i]} (shape ${formatShape(first)}) and the array at index ${j} has size ${s[i]} (shape ${formatShape(s)}).`,
        );
      }
    }
  }
  const shape = [...first];
  let total = 0;
  for (let j = 0; j < xs.length; j++) total += xs[j].shape[axis];
  shape[axis] = total;
  const type = resultDType(fn, xs, dtype);
  // Each input fills a block of `len * inner` elements in every one of the `outer` runs of
  // `total * inner`: contiguous inputs of the result's dtype are copied as flat blocks, others
  // through a view of the result (no slice parsing).
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i];
  let inner = 1;
  for (let i = axis + 1; i < ndim; i++) inner *= shape[i];
  const data = allocate(type, outer * total * inner);
  const out = fresh(data, shape);
  let at = 0;
  for (const x of xs) {
    const len = x.shape[axis];
    if (len === 0) continue;
    if (x.dtype === type && x.isContiguous) {
      copyBlocks(data, at * inner, total * inner, x.data, x.offset, 1, len * inner, outer);
    } else {
      const dst = view(data, x.shape, out.strides, at * out.strides[axis]);
      assign(dst, x.dtype === type || type !== "bool" ? x : x.astype("bool"));
    }
    at += len;
  }
  return out;
}

/**
 * Joins arrays along an existing axis (default 0; `axis: null` flattens them first). Every
 * dimension but `axis` must match; the result dtype is the promoted input dtype.
 * @example
 * concatenate([[1, 2], [3]]);                               // array([1., 2., 3.])
 * concatenate([[[1, 2]], [[3, 4]]], { axis: 1 });           // array([[1., 2., 3., 4.]])
 * concatenate([[[1, 2]], [[3, 4]]], { axis: null });        // array([1., 2., 3., 4.])
 */
export function concatenate(arrays: readonly ArrayLike[], options?: ConcatenateOptions): NDArray {
  checkOptions("concatenate", options, ["axis", "dtype"]);
  const axis = options?.axis === undefined ? 0 : options.axis;
  return join("concatenate", toList("concatenate", arrays, "concatenate"), axis, options?.dtype);
}

/**
 * Joins same-shaped arrays along a new axis (default 0).
 * @example
 * stack([[1, 2], [3, 4]]);              // array([[1., 2.], [3., 4.]])
 * stack([[1, 2], [3, 4]], { axis: 1 }); // array([[1., 3.], [2., 4.]])
 */
export function stack(arrays: readonly ArrayLike[], options?: StackOptions): NDArray {
  checkOptions("stack", options, ["axis", "dtype"]);
  const xs = toList("stack", arrays, "stack");
  const first = xs[0].shape;
  for (let j = 1; j < xs.length; j++) {
    if (!sameShape(xs[j].shape, first)) {
      throw new ShapeError(
        `stack: all input arrays must have the same shape, but the array at index 0 has shape ${formatShape(first)} and the array at index ${j} has shape ${formatShape(xs[j].shape)}.`,
      );
    }
  }
  const axis = normalizeAxis("stack", options?.axis ?? 0, first.length + 1);
  const type = resultDType("stack", xs, options?.dtype);
  // Each input's elements go straight to their places, interleaved every `inner` elements: no
  // expanded views and no join (autodiff stacks small arrays on every np.array([x, y])). Inputs of
  // another dtype are converted first, as join's assignment would convert them; a strided 1-D
  // input (a column, as vmap's rows of a Jacobian often are) is read with its stride, uncopied.
  const n = xs.length;
  const shape = new Array<number>(first.length + 1);
  let outer = 1;
  let inner = 1;
  for (let i = 0, j = 0; i <= first.length; i++) {
    if (i === axis) shape[i] = n;
    else {
      shape[i] = first[j];
      if (i < axis) outer *= first[j];
      else inner *= first[j];
      j++;
    }
  }
  const data = allocate(type, outer * n * inner);
  for (let j = 0; j < n; j++) {
    const x = xs[j];
    if (x.size === 0) continue;
    if (x.dtype === type && x.shape.length === 1) {
      copyBlocks(data, j * inner, n * inner, x.data, x.offset, x.strides[0], inner, outer);
      continue;
    }
    const src = x.dtype !== type ? x.astype(type) : x.isContiguous ? x : x.copy();
    copyBlocks(data, j * inner, n * inner, src.data, src.offset, 1, inner, outer);
  }
  return fresh(data, shape);
}

function atleast1d(x: NDArray): NDArray {
  return x.ndim === 0 ? x.reshape(1) : x;
}

function atleast2d(x: NDArray): NDArray {
  if (x.ndim === 0) return x.reshape(1, 1);
  return x.ndim === 1 ? x.expandDims(0) : x;
}

/**
 * Stacks horizontally: along axis 1, or axis 0 when the inputs are 1-D (numpy's `hstack`).
 * @example
 * hstack([[1, 2], [3]]);           // array([1., 2., 3.])
 * hstack([[[1], [2]], [[3], [4]]]); // array([[1., 3.], [2., 4.]])
 */
export function hstack(arrays: readonly ArrayLike[], options?: { dtype?: DType }): NDArray {
  checkOptions("hstack", options, ["dtype"]);
  const xs = toList("hstack", arrays, "concatenate").map(atleast1d);
  return join("hstack", xs, xs[0].ndim === 1 ? 0 : 1, options?.dtype);
}

/**
 * Stacks vertically: 1-D inputs become rows, then joins along axis 0 (numpy's `vstack`).
 * @example
 * vstack([[1, 2], [3, 4]]); // array([[1., 2.], [3., 4.]])
 */
export function vstack(arrays: readonly ArrayLike[], options?: { dtype?: DType }): NDArray {
  checkOptions("vstack", options, ["dtype"]);
  return join("vstack", toList("vstack", arrays, "concatenate").map(atleast2d), 0, options?.dtype);
}

/**
 * Stacks 1-D arrays as the columns of a 2-D array (2-D inputs are joined as they are).
 * @example
 * columnStack([[1, 2], [3, 4]]); // array([[1., 3.], [2., 4.]])
 */
export function columnStack(arrays: readonly ArrayLike[]): NDArray {
  const xs = toList("columnStack", arrays, "concatenate").map((x) =>
    x.ndim < 2 ? atleast1d(x).reshape(-1, 1) : x,
  );
  return join("columnStack", xs, 1, undefined);
}

/** Options of `meshgrid`. */
export interface MeshgridOptions {
  /** `"xy"` (default, Cartesian: the first two output axes swapped) or `"ij"` (matrix). */
  indexing?: "xy" | "ij";
  /** Return broadcastable arrays with length-1 axes instead of full grids (default false). */
  sparse?: boolean;
}

function isOptions(v: unknown): v is MeshgridOptions {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof NDArray) &&
    !ArrayBuffer.isView(v)
  );
}

/**
 * Coordinate grids from 1-D coordinate vectors (inputs are flattened), one output per input,
 * each a contiguous copy. With `indexing: "xy"` (the default) and inputs of lengths
 * `nx, ny, ...` the outputs have shape `[ny, nx, ...]`; with `"ij"` they have `[nx, ny, ...]`.
 * @example
 * const [X, Y] = meshgrid([1, 2, 3], [4, 5]);
 * X; // array([[1., 2., 3.], [1., 2., 3.]])
 * Y; // array([[4., 4., 4.], [5., 5., 5.]])
 * meshgrid([1, 2, 3], [4, 5], { indexing: "ij" })[0].shape; // [3, 2]
 */
export function meshgrid(...args: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  const last = args[args.length - 1];
  const options = args.length > 0 && isOptions(last) ? (args.pop() as MeshgridOptions) : undefined;
  checkOptions("meshgrid", options, ["indexing", "sparse"]);
  const indexing = options?.indexing ?? "xy";
  if (indexing !== "xy" && indexing !== "ij") {
    throw rangeError(
      `meshgrid: valid values for indexing are "xy" and "ij", got ${JSON.stringify(indexing)}.`,
    );
  }
  const sparse = options?.sparse ?? false;
  const xs = (args as ArrayLike[]).map((a) => toNDArray("meshgrid", a).ravel());
  const nd = xs.length;
  const lengths = xs.map((x) => x.size);
  const swap = indexing === "xy" && nd > 1;
  const axisOf = (i: number): number => (swap && i < 2 ? 1 - i : i);
  const shape = new Array<number>(nd);
  for (let i = 0; i < nd; i++) shape[axisOf(i)] = lengths[i];
  return xs.map((x, i) => {
    const own = new Array<number>(nd).fill(1);
    own[axisOf(i)] = lengths[i];
    const line = x.reshape(own);
    if (sparse) return line.copy();
    const out = new NDArray(allocate(x.dtype, sizeOf(shape)), shape);
    assign(out, line.broadcastTo(shape));
    return out;
  });
}

function splitAt(x: NDArray, bounds: number[], axis: number): NDArray[] {
  const n = x.shape[axis];
  const out: NDArray[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const lo = Math.min(Math.max(bounds[k] < 0 ? bounds[k] + n : bounds[k], 0), n);
    const hi = Math.min(Math.max(bounds[k + 1] < 0 ? bounds[k + 1] + n : bounds[k + 1], 0), n);
    const specs: SliceSpec[] = x.shape.map(() => ":");
    specs[axis] = `${lo}:${Math.max(lo, hi)}`;
    out.push(x.slice(...specs));
  }
  return out;
}

function splitParts(
  fn: string,
  ary: ArrayLike,
  sections: number | readonly number[],
  options: { axis?: number } | undefined,
  even: boolean,
): NDArray[] {
  checkOptions(fn, options, ["axis"]);
  const x = toNDArray(fn, ary);
  if (x.ndim === 0) throw rangeError(`${fn}: cannot split a 0-d array.`);
  const axis = normalizeAxis(fn, options?.axis ?? 0, x.ndim);
  const n = x.shape[axis];
  if (typeof sections === "number") {
    if (!Number.isInteger(sections) || sections <= 0)
      throw rangeError(`${fn}: number of sections must be larger than 0, got ${sections}.`);
    if (even && n % sections !== 0) {
      throw rangeError(
        `${fn}: array split does not result in an equal division (axis ${axis} has length ${n}, ${sections} sections); use arraySplit for unequal parts.`,
      );
    }
    // numpy's array_split: the first n % sections parts get one extra element.
    const size = Math.floor(n / sections);
    const extra = n % sections;
    const bounds = [0];
    for (let k = 0; k < sections; k++) bounds.push(bounds[k] + size + (k < extra ? 1 : 0));
    return splitAt(x, bounds, axis);
  }
  if (!Array.isArray(sections))
    throw typeError(`${fn}: expected a number of sections or a list of indices.`);
  return splitAt(x, [0, ...sections, n], axis);
}

/**
 * Splits into equal parts (a number of sections that divides the axis) or at the given indices
 * along `axis` (default 0); the parts are views (numpy's `split`).
 * @example
 * split([1, 2, 3, 4, 5, 6], 3);       // [array([1., 2.]), array([3., 4.]), array([5., 6.])]
 * split([1, 2, 3, 4, 5, 6], [1, 4]);  // [array([1.]), array([2., 3., 4.]), array([5., 6.])]
 */
export function split(
  ary: ArrayLike,
  indicesOrSections: number | readonly number[],
  options?: { axis?: number },
): NDArray[] {
  return splitParts("split", ary, indicesOrSections, options, true);
}

/**
 * Like {@link split} but a number of sections need not divide the axis: the first
 * `n % sections` parts get one extra element (numpy's `array_split`).
 * @example
 * arraySplit([1, 2, 3, 4, 5], 3); // [array([1., 2.]), array([3., 4.]), array([5.])]
 */
export function arraySplit(
  ary: ArrayLike,
  indicesOrSections: number | readonly number[],
  options?: { axis?: number },
): NDArray[] {
  return splitParts("arraySplit", ary, indicesOrSections, options, false);
}
