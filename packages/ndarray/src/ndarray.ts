import type { CumulativeOptions } from "./cumulative.js";
import type { DiagonalOptions } from "./diag.js";
import { allocate, type DType, dtypeOf, isDType, type TypedArray } from "./dtype.js";
import { rangeError, typeError } from "./errors.js";
import type { TakeOptions } from "./indexing.js";
import { forEachRow } from "./internal/iterate.js";
import {
  checkBroadcastTo,
  contiguousStrides,
  formatShape,
  moveaxisPermutation,
  normalizeAxis,
  normalizePermutation,
  resolveShape,
  type Shape,
  sizeOf,
  sliceIndexCount,
  squeezeAxes,
  swapaxesPermutation,
} from "./internal/shape.js";
import * as ops from "./methods.js";
import type { ArgOptions, ReduceOptions, ReduceResult, SumOptions, VarOptions } from "./reduce.js";
import type { SortOptions } from "./sort.js";

/** Nested JS arrays of numbers (or booleans), as `toArray()` returns and `array()` accepts. */
export type NestedArray = number | boolean | readonly NestedArray[];

/** Anything nabla accepts where numpy accepts an array-like. */
export type ArrayLike = number | boolean | NDArray | TypedArray | readonly NestedArray[];

/** One index per axis for `slice`: an integer (drops the axis), a `"start:stop:step"` string, `"..."` or `null` (new axis). */
export type SliceSpec = number | string | null;

let adopting = false;

/**
 * @internal An NDArray over `data` that takes `shape` and `strides` as they are, without the
 * constructor's defensive copies: for the library's own freshly built (or already shared,
 * never mutated) shape arrays. Views of small arrays are made on every autodiff step.
 */
export function view(data: TypedArray, shape: Shape, strides: Shape, offset: number): NDArray {
  adopting = true;
  return new NDArray(data, shape, strides, offset);
}

/** @internal A new contiguous array over `data` with `shape` (shared, not copied). */
export function fresh(data: TypedArray, shape: Shape): NDArray {
  adopting = true;
  return new NDArray(data, shape, contiguousStrides(shape), 0);
}

/**
 * An n-dimensional array: a typed array `data` seen through `shape`, `strides` and `offset`
 * (numpy's and scijs/ndarray's model). Reshaping a contiguous array, transposing, slicing and
 * broadcasting make views that share `data`; nothing is copied.
 *
 * @example
 * const a = new NDArray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
 * a.get(1, 2);           // 6
 * a.T.shape;             // [3, 2], a view
 * a.slice(":", "::-1");  // array([[3., 2., 1.], [6., 5., 4.]])
 */
export class NDArray {
  /** The typed array holding the elements (possibly shared with other views). */
  declare readonly data: TypedArray;
  /** Length of each axis. */
  declare readonly shape: readonly number[];
  /** Step in `data`, in elements, between neighbours along each axis (0 for a broadcast axis). */
  declare readonly strides: readonly number[];
  /** Index in `data` of the first element. */
  declare readonly offset: number;
  /** The element type. */
  declare readonly dtype: DType;

  /**
   * Wraps `data` without copying. Most code should use {@link array} or a creation function;
   * this constructor is for views over existing buffers.
   */
  constructor(data: TypedArray, shape: Shape, strides?: Shape, offset = 0) {
    this.data = data;
    if (adopting) {
      // From `view`: the arrays are the library's own and never written again, so no copies.
      adopting = false;
      this.shape = shape;
      this.strides = strides as Shape;
    } else {
      // Copies, so a caller's array can't change the view; readonly types (not Object.freeze,
      // which costs more than the rest of the constructor) keep them fixed.
      this.shape = shape.slice();
      this.strides = strides ? strides.slice() : contiguousStrides(shape);
    }
    this.offset = offset;
    this.dtype = dtypeOf(data);
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** True if the elements are laid out row-major without gaps (from `offset`). */
  get isContiguous(): boolean {
    let stride = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      if (this.shape[i] !== 1 && this.strides[i] !== stride) return false;
      stride *= this.shape[i];
    }
    return true;
  }

  /** The transpose (a view), as numpy's `a.T`. */
  get T(): NDArray {
    return this.transpose();
  }

  /** Position in `data` of the element at `index` (negative indices count from the end). */
  private locate(fn: string, index: readonly number[]): number {
    if (index.length !== this.ndim) {
      throw rangeError(
        `${fn}: expected ${this.ndim} indices for shape ${formatShape(this.shape)}, got ${index.length}.`,
      );
    }
    let at = this.offset;
    for (let i = 0; i < index.length; i++) {
      const n = this.shape[i];
      let k = index[i];
      if (!Number.isInteger(k) || k < -n || k >= n) {
        throw rangeError(`${fn}: index ${k} is out of bounds for axis ${i} with size ${n}.`);
      }
      if (k < 0) k += n;
      at += k * this.strides[i];
    }
    return at;
  }

  /**
   * The element at `index`, one integer per axis (negative counts from the end).
   * @example
   * array([[1, 2], [3, 4]]).get(1, -1); // 4
   */
  get(...index: number[]): number {
    return this.data[this.locate("get", index)];
  }

  /**
   * Writes `value` at `index` (in place; the one method besides `fill` that mutates).
   * @example
   * const a = zeros([2, 2]); a.set([0, 1], 5); // a = [[0, 5], [0, 0]]
   */
  set(index: readonly number[], value: number | boolean): this {
    this.data[this.locate("set", index)] = Number(value);
    return this;
  }

  /** Sets every element to `value`, in place. */
  fill(value: number | boolean): this {
    const v = Number(value);
    forEachRow(this.shape, [this.strides], [this.offset], ([o], n, [s]) => {
      for (let i = 0; i < n; i++) this.data[o + i * s] = v;
    });
    return this;
  }

  /**
   * The single element of a size-1 array as a JS number (booleans as `true`/`false` are numbers 1/0).
   * @example
   * array([[7]]).item(); // 7
   */
  item(): number {
    if (this.size !== 1) {
      throw rangeError(
        `item: can only convert an array of size 1 to a number, got size ${this.size}.`,
      );
    }
    return this.data[this.offset];
  }

  /**
   * Nested JS arrays (numpy's `tolist()`); a 0-d array gives a number, bool arrays give booleans.
   * @example
   * array([[1, 2], [3, 4]]).toArray(); // [[1, 2], [3, 4]]
   */
  toArray(): NestedArray {
    const bool = this.dtype === "bool";
    const build = (axis: number, at: number): NestedArray => {
      if (axis === this.ndim) return bool ? this.data[at] !== 0 : this.data[at];
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[axis]; i++)
        out.push(build(axis + 1, at + i * this.strides[axis]));
      return out;
    };
    return build(0, this.offset);
  }

  /** A contiguous copy with its own buffer. */
  copy(): NDArray {
    return this.astype(this.dtype);
  }

  /**
   * A contiguous copy converted to `dtype` (float to int truncates toward zero, as numpy).
   * @example
   * array([1.7, -1.7]).astype("int32"); // array([ 1, -1], dtype=int32)
   */
  astype(dtype: DType): NDArray {
    if (!isDType(dtype))
      throw typeError(
        `astype: unknown dtype ${JSON.stringify(dtype)}; expected float64, float32, int32 or bool.`,
      );
    const out = allocate(dtype, this.size);
    const toBool = dtype === "bool";
    let k = 0;
    forEachRow(this.shape, [this.strides], [this.offset], ([o], n, [s]) => {
      const src = this.data;
      if (toBool) for (let i = 0; i < n; i++) out[k++] = src[o + i * s] !== 0 ? 1 : 0;
      else for (let i = 0; i < n; i++) out[k++] = src[o + i * s];
    });
    return fresh(out, this.shape);
  }

  /**
   * The same elements in a new shape; one axis may be -1 (inferred). A view when the array is
   * contiguous, else a copy (as numpy).
   * @example
   * arange(6).reshape(2, 3); // array([[0., 1., 2.], [3., 4., 5.]])
   */
  reshape(...shape: number[] | [readonly number[]]): NDArray {
    const target = resolveShape(
      "reshape",
      this.size,
      (Array.isArray(shape[0]) ? shape[0] : shape) as number[],
    );
    const base = this.isContiguous ? this : this.copy();
    return view(base.data, target, contiguousStrides(target), base.offset);
  }

  /**
   * Permutes the axes (reverses them by default). Always a view.
   * @example
   * zeros([2, 3, 4]).transpose([1, 0, 2]).shape; // [3, 2, 4]
   */
  transpose(axes?: readonly number[]): NDArray {
    return permuted(this, normalizePermutation("transpose", axes, this.shape.length));
  }

  /**
   * Swaps two axes (a view).
   */
  swapaxes(axis1: number, axis2: number): NDArray {
    return permuted(this, swapaxesPermutation("swapaxes", axis1, axis2, this.shape.length));
  }

  /**
   * Moves one axis to a new position (a view), as `np.moveaxis`.
   */
  moveaxis(source: number, destination: number): NDArray {
    return permuted(this, moveaxisPermutation("moveaxis", source, destination, this.shape.length));
  }

  /**
   * numpy basic indexing, one spec per axis: an integer picks one position and drops the axis,
   * a string `"start:stop:step"` slices it (any part may be omitted; negatives count from the
   * end), `"..."` stands for all remaining axes and `null` inserts a new axis. Missing trailing
   * specs mean `":"`. Always a view.
   * @example
   * const a = arange(12).reshape(3, 4);
   * a.slice("1:", "::2");  // rows 1.., every second column
   * a.slice(-1);           // last row, shape [4]
   * a.slice("...", 0);     // first column, shape [3]
   * a.slice(null, ":");    // shape [1, 3, 4]
   */
  slice(...specs: SliceSpec[]): NDArray {
    // No intermediate spec list: "..." and the missing trailing specs keep their axes as they
    // are, and ":" needs no parsing (autodiff's rules slice small arrays constantly). The
    // result's arrays are allocated at their final length (a pushed-to [] reserves 17 slots,
    // and cutting an array's length after is slower than counting): the axes not indexed, plus
    // one per slice string and per null.
    const ndim = this.shape.length;
    const consumed = sliceIndexCount("slice", specs, ndim);
    let rank = ndim - consumed;
    for (let i = 0; i < specs.length; i++) {
      const s = specs[i];
      if (s === null || (typeof s === "string" && s !== "...")) rank++;
    }
    const shape = new Array<number>(rank);
    const strides = new Array<number>(rank);
    let offset = this.offset;
    let axis = 0;
    let k = 0;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      if (spec === null) {
        shape[k] = 1;
        strides[k++] = 0;
        continue;
      }
      if (spec === "...") {
        for (const end = axis + ndim - consumed; axis < end; axis++) {
          shape[k] = this.shape[axis];
          strides[k++] = this.strides[axis];
        }
        continue;
      }
      const n = this.shape[axis];
      const stride = this.strides[axis];
      if (typeof spec === "number") {
        if (!Number.isInteger(spec) || spec < -n || spec >= n) {
          throw rangeError(
            `slice: index ${spec} is out of bounds for axis ${axis} with size ${n}.`,
          );
        }
        offset += (spec < 0 ? spec + n : spec) * stride;
      } else if (spec === ":") {
        shape[k] = n;
        strides[k++] = stride;
      } else if (typeof spec === "string") {
        const [start, count, step] = parseSlice(spec, n);
        offset += start * stride;
        shape[k] = count;
        strides[k++] = step * stride;
      } else {
        throw typeError(
          `slice: index must be an integer, a "start:stop:step" string, "..." or null, got ${String(spec)}.`,
        );
      }
      axis++;
    }
    for (; axis < ndim; axis++) {
      shape[k] = this.shape[axis];
      strides[k++] = this.strides[axis];
    }
    return view(this.data, shape, strides, offset);
  }

  /**
   * A read-only-in-spirit view with the given shape, numpy's broadcasting rules (stride 0 on
   * repeated axes). Writing through it writes the shared elements.
   * @example
   * array([1, 2, 3]).broadcastTo([2, 3]); // array([[1., 2., 3.], [1., 2., 3.]])
   */
  broadcastTo(shape: Shape): NDArray {
    checkBroadcastTo("broadcastTo", this.shape, shape);
    const ndim = shape.length;
    const lead = ndim - this.shape.length;
    // The view keeps a copy: the caller may reuse `shape`.
    const target = new Array<number>(ndim);
    const strides = new Array<number>(ndim);
    for (let i = 0; i < ndim; i++) {
      target[i] = shape[i];
      strides[i] = i < lead || this.shape[i - lead] !== shape[i] ? 0 : this.strides[i - lead];
    }
    return view(this.data, target, strides, this.offset);
  }

  /**
   * Inserts a length-1 axis at `axis` (a view).
   * @example
   * zeros([3]).expandDims(0).shape; // [1, 3]
   */
  expandDims(axis: number): NDArray {
    const ndim = this.shape.length;
    const at = normalizeAxis("expandDims", axis, ndim + 1);
    const shape = new Array<number>(ndim + 1);
    const strides = new Array<number>(ndim + 1);
    for (let i = 0, j = 0; i <= ndim; i++) {
      if (i === at) {
        shape[i] = 1;
        strides[i] = 0;
      } else {
        shape[i] = this.shape[j];
        strides[i] = this.strides[j++];
      }
    }
    return view(this.data, shape, strides, this.offset);
  }

  /**
   * Removes length-1 axes (all, or the given ones; a view).
   * @example
   * zeros([1, 3, 1]).squeeze().shape; // [3]
   */
  squeeze(axis?: number | readonly number[]): NDArray {
    const drop = squeezeAxes("squeeze", this.shape, axis);
    const keep = this.shape.map((_, i) => i).filter((i) => !drop.includes(i));
    return new NDArray(
      this.data,
      keep.map((i) => this.shape[i]),
      keep.map((i) => this.strides[i]),
      this.offset,
    );
  }

  /**
   * The elements as a 1-D array: a view when contiguous, else a copy.
   * @example
   * zeros([2, 3]).ravel().shape; // [6]
   */
  ravel(): NDArray {
    return this.reshape(this.size);
  }

  /** A 1-D copy of the elements. */
  flatten(): NDArray {
    return this.copy().reshape(this.size);
  }

  /**
   * Iterates over the first axis, yielding views (0-d arrays for a 1-D array, as jax does), so
   * `const [x, y] = X` unpacks a vector the way Python's `x, y = X` does.
   * @example
   * const [x, y] = array([0.5, 2]); x.mul(y).item(); // 1
   */
  *[Symbol.iterator](): IterableIterator<NDArray> {
    if (this.ndim === 0) throw typeError("iteration over a 0-d array");
    const shape = this.shape.slice(1);
    const strides = this.strides.slice(1);
    const step = this.strides[0];
    for (let i = 0; i < this.shape[0]; i++) {
      yield view(this.data, shape, strides, this.offset + i * step);
    }
  }

  /** The elements as a contiguous typed array of exactly `size` elements (shared when possible). */
  toTypedArray(): TypedArray {
    if (this.isContiguous) {
      // the storage itself when it holds exactly these elements: a subarray is a new object
      if (this.offset === 0 && this.data.length === this.size) return this.data;
      return this.data.subarray(this.offset, this.offset + this.size);
    }
    return this.copy().data;
  }

  /** numpy's repr: `array([1., 2.])`. */
  toString(): string {
    return ops.repr(this);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return ops.repr(this);
  }

  // Chainable math: each method is the function of the same meaning in the namespace.
  add(other: ArrayLike): NDArray {
    return ops.add(this, other);
  }
  sub(other: ArrayLike): NDArray {
    return ops.subtract(this, other);
  }
  mul(other: ArrayLike): NDArray {
    return ops.multiply(this, other);
  }
  div(other: ArrayLike): NDArray {
    return ops.divide(this, other);
  }
  pow(other: ArrayLike): NDArray {
    return ops.power(this, other);
  }
  mod(other: ArrayLike): NDArray {
    return ops.mod(this, other);
  }
  neg(): NDArray {
    return ops.negative(this);
  }
  abs(): NDArray {
    return ops.abs(this);
  }
  sqrt(): NDArray {
    return ops.sqrt(this);
  }
  square(): NDArray {
    return ops.square(this);
  }
  exp(): NDArray {
    return ops.exp(this);
  }
  log(): NDArray {
    return ops.log(this);
  }
  sin(): NDArray {
    return ops.sin(this);
  }
  cos(): NDArray {
    return ops.cos(this);
  }
  tan(): NDArray {
    return ops.tan(this);
  }
  tanh(): NDArray {
    return ops.tanh(this);
  }
  maximum(other: ArrayLike): NDArray {
    return ops.maximum(this, other);
  }
  minimum(other: ArrayLike): NDArray {
    return ops.minimum(this, other);
  }
  clip(min: ArrayLike | null, max: ArrayLike | null): NDArray {
    return ops.clip(this, min, max);
  }
  eq(other: ArrayLike): NDArray {
    return ops.equal(this, other);
  }
  ne(other: ArrayLike): NDArray {
    return ops.notEqual(this, other);
  }
  lt(other: ArrayLike): NDArray {
    return ops.less(this, other);
  }
  le(other: ArrayLike): NDArray {
    return ops.lessEqual(this, other);
  }
  gt(other: ArrayLike): NDArray {
    return ops.greater(this, other);
  }
  ge(other: ArrayLike): NDArray {
    return ops.greaterEqual(this, other);
  }

  // Products: unlike the functions (which give a JS number for vector . vector), these always
  // return an NDArray (0-d for two vectors), so calls chain.
  /** Matrix product with `other`, numpy's `a @ b`; see {@link matmul}. @example array([[1, 2], [3, 4]]).matmul([[1], [1]]); // array([[3.], [7.]]) */
  matmul(other: ArrayLike): NDArray {
    return toArrayResult(ops.matmul(this, other));
  }
  /** numpy's `a.dot(b)`; see {@link dot}. @example array([1, 2]).dot([[1, 0], [0, 1]]); // array([1., 2.]) */
  dot(other: ArrayLike): NDArray {
    return toArrayResult(ops.dot(this, other));
  }

  // Reductions: with no axis and no keepdims they return a JS number (a boolean for any/all).
  /** Sum over `axis` (all by default); see {@link sum}. @example array([[1, 2], [3, 4]]).sum({ axis: 0 }); // array([4., 6.]) */
  sum<const O extends SumOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.sum(this, options);
  }
  /** Product over `axis`; see {@link prod}. @example array([1, 2, 3]).prod(); // 6 */
  prod<const O extends SumOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.prod(this, options);
  }
  /** Mean over `axis`; see {@link mean}. @example array([1, 2, 3, 4]).mean(); // 2.5 */
  mean<const O extends SumOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.mean(this, options);
  }
  /** Variance over `axis` with `ddof`; see {@link var_}. @example array([1, 2, 3, 4]).var(); // 1.25 */
  var<const O extends VarOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.var_(this, options);
  }
  /** Standard deviation over `axis` with `ddof`; see {@link std}. @example array([1, 2, 3, 4]).std({ ddof: 1 }); // 1.2909944487358056 */
  std<const O extends VarOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.std(this, options);
  }
  /** Smallest element over `axis` (NaN propagates); see {@link min}. @example array([3, 1, 2]).min(); // 1 */
  min<const O extends ReduceOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.min(this, options);
  }
  /** Largest element over `axis` (NaN propagates); see {@link max}. @example array([3, 1, 2]).max(); // 3 */
  max<const O extends ReduceOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.max(this, options);
  }
  /** Index of the smallest element; see {@link argmin}. @example array([3, 1, 2]).argmin(); // 1 */
  argmin<const O extends ArgOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.argmin(this, options);
  }
  /** Index of the largest element; see {@link argmax}. @example array([3, 1, 2]).argmax(); // 0 */
  argmax<const O extends ArgOptions = Record<never, never>>(options?: O): ReduceResult<O> {
    return ops.argmax(this, options);
  }
  /** True if any element is nonzero; see {@link any}. @example array([0, 2]).any(); // true */
  any<const O extends ReduceOptions = Record<never, never>>(options?: O): ReduceResult<O, boolean> {
    return ops.any(this, options);
  }
  /** True if every element is nonzero; see {@link all}. @example array([0, 2]).all(); // false */
  all<const O extends ReduceOptions = Record<never, never>>(options?: O): ReduceResult<O, boolean> {
    return ops.all(this, options);
  }
  /** Cumulative sum (flattened without `axis`); see {@link cumsum}. @example array([1, 2, 3]).cumsum(); // array([1., 3., 6.]) */
  cumsum(options?: CumulativeOptions): NDArray {
    return ops.cumsum(this, options);
  }
  /** Cumulative product (flattened without `axis`); see {@link cumprod}. @example array([1, 2, 3]).cumprod(); // array([1., 2., 6.]) */
  cumprod(options?: CumulativeOptions): NDArray {
    return ops.cumprod(this, options);
  }
  /** Elements at integer indices along `axis`; see {@link take}. @example array([10, 20, 30]).take([2, 0]); // array([30., 10.]) */
  take(indices: ArrayLike, options?: TakeOptions): NDArray {
    return ops.take(this, indices, options);
  }
  /** A diagonal as a view; see {@link diagonal}. @example array([[1, 2], [3, 4]]).diagonal(); // array([1., 4.]) */
  diagonal(options?: DiagonalOptions): NDArray {
    return ops.diagonal(this, options);
  }
  /** Sum along a diagonal; see {@link trace}. @example array([[1, 2], [3, 4]]).trace(); // 5 */
  trace(options?: DiagonalOptions): number | NDArray {
    return ops.trace(this, options);
  }
  /** Indices that sort along `axis` (stable); see {@link argsort}. @example array([3, 1, 2]).argsort(); // array([1, 2, 0], dtype=int32) */
  argsort(options?: SortOptions): NDArray {
    return ops.argsort(this, options);
  }
  /** Indices of the nonzero elements, one array per axis; see {@link nonzero}. @example array([0, 2, 3]).nonzero(); // [array([1, 2], dtype=int32)] */
  nonzero(): NDArray[] {
    return ops.nonzero(this);
  }
  /** Each element repeated; see {@link repeat}. @example array([1, 2]).repeat(2); // array([1., 1., 2., 2.]) */
  repeat(repeats: number | readonly number[], options?: { axis?: number | null }): NDArray {
    return ops.repeat(this, repeats, options);
  }
}

/** A scalar product result as a 0-d array, so chained methods always get an NDArray. */
function toArrayResult(v: NDArray | number): NDArray {
  return typeof v === "number" ? new NDArray(new Float64Array([v]), []) : v;
}

/** A view of `a` with its axes in the order `perm` (already validated), which becomes its shape. */
function permuted(a: NDArray, perm: number[]): NDArray {
  const strides = new Array<number>(perm.length);
  for (let i = 0; i < perm.length; i++) {
    strides[i] = a.strides[perm[i]];
    perm[i] = a.shape[perm[i]];
  }
  return view(a.data, perm, strides, a.offset);
}

/** Python slice semantics: returns [start, count, step] for an axis of length n. */
function parseSlice(spec: string, n: number): [number, number, number] {
  const parts = spec.split(":");
  if (parts.length < 1 || parts.length > 3)
    throw rangeError(`slice: cannot parse "${spec}"; expected "start:stop:step".`);
  const num = (s: string | undefined): number | undefined => {
    if (s === undefined || s.trim() === "") return undefined;
    const v = Number(s);
    if (!Number.isInteger(v))
      throw rangeError(`slice: cannot parse "${spec}"; "${s}" is not an integer.`);
    return v;
  };
  if (parts.length === 1) {
    throw rangeError(`slice: "${spec}" is not a slice; pass a number to pick one index.`);
  }
  const step = num(parts[2]) ?? 1;
  if (step === 0) throw rangeError("slice: slice step cannot be zero.");
  const clamp = (v: number | undefined, dflt: number, lo: number, hi: number): number => {
    if (v === undefined) return dflt;
    if (v < 0) v += n;
    return Math.min(Math.max(v, lo), hi);
  };
  const start = step > 0 ? clamp(num(parts[0]), 0, 0, n) : clamp(num(parts[0]), n - 1, -1, n - 1);
  const stop = step > 0 ? clamp(num(parts[1]), n, 0, n) : clamp(num(parts[1]), -1, -1, n - 1);
  const count =
    step > 0
      ? Math.max(0, Math.ceil((stop - start) / step))
      : Math.max(0, Math.ceil((start - stop) / -step));
  return [count === 0 ? 0 : start, count, step];
}
