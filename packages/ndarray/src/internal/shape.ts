import { rangeError, ShapeError } from "../errors.js";
import type { SliceSpec } from "../ndarray.js";

/**
 * An array's shape: the length of each axis, outermost first (numpy's `a.shape`).
 * @example
 * const s: Shape = zeros([2, 3]).shape; // [2, 3]
 */
export type Shape = readonly number[];

/**
 * The size (numpy's word for the number of elements) of an array of `shape`: the product of its
 * lengths, 1 for a 0-d shape.
 * @example
 * sizeOf([2, 3]); // 6
 * sizeOf([]);     // 1
 */
export function sizeOf(shape: Shape): number {
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i];
  return size;
}

/** Row-major (C order) strides, in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i];
  }
  return strides;
}

/**
 * Whether two shapes are equal, axis by axis.
 * @example
 * sameShape([2, 3], [2, 3]); // true
 * sameShape([2, 3], [3, 2]); // false
 */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A shape as nabla's error messages print it.
 * @example
 * formatShape([2, 3]); // "[2,3]"
 */
export function formatShape(shape: Shape): string {
  return `[${shape.join(",")}]`;
}

/**
 * numpy's broadcasting of several shapes; `fn` names the caller in the error.
 * @example
 * broadcastShapes("add", [2, 1], [3]); // [2, 3]
 */
export function broadcastShapes(fn: string, ...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const j = ndim - shape.length + i;
      const n = shape[i];
      if (n === out[j] || n === 1) continue;
      if (out[j] === 1) out[j] = n;
      else
        throw new ShapeError(
          `${fn}: shapes ${shapes.map(formatShape).join(" and ")} do not broadcast.`,
        );
    }
  }
  return out;
}

/**
 * Normalises a possibly negative axis against `ndim`, with numpy's AxisError message.
 * @example
 * normalizeAxis("sum", -1, 3); // 2
 */
export function normalizeAxis(fn: string, axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw rangeError(`${fn}: axis ${axis} is out of bounds for array of dimension ${ndim}.`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Normalises a reduction's `axis` (absent or `null`: every axis; one axis; or a list of axes,
 * negative ones counting from the end) to the sorted list of distinct axes it names. Like numpy's
 * `normalize_axis_tuple`, every axis is bounds-checked before repeats are rejected; unlike it,
 * the result is sorted.
 * @example
 * normalizeAxes("sum", [-1, 0], 3);     // [0, 2]
 * normalizeAxes("sum", undefined, 2);   // [0, 1]
 * normalizeAxes("sum", [1, -1], 2);     // RangeError: sum: repeated axis in [1,-1].
 */
export function normalizeAxes(
  fn: string,
  axis: number | readonly number[] | null | undefined,
  ndim: number,
): number[] {
  if (axis === undefined || axis === null) {
    const all = new Array<number>(ndim);
    for (let i = 0; i < ndim; i++) all[i] = i;
    return all;
  }
  if (typeof axis === "number") {
    const one = new Array<number>(1);
    one[0] = normalizeAxis(fn, axis, ndim);
    return one;
  }
  // Insertion sort as the axes come in: axis lists are short, and reductions call this on every
  // (traced) step.
  const n = axis.length;
  const axes = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const a = normalizeAxis(fn, axis[i], ndim);
    let j = i;
    for (; j > 0 && axes[j - 1] > a; j--) axes[j] = axes[j - 1];
    axes[j] = a;
  }
  for (let i = 1; i < n; i++) {
    if (axes[i] === axes[i - 1])
      throw rangeError(`${fn}: repeated axis in ${JSON.stringify(axis)}.`);
  }
  return axes;
}

/**
 * The permutation `transpose(axes)` applies: the axes reversed when `axes` is absent, else
 * `axes` normalised (negative axes count from the end), which must name each of the `ndim` axes
 * once.
 * @example
 * normalizePermutation("transpose", [-1, 0, 1], 3); // [2, 0, 1]
 * normalizePermutation("transpose", undefined, 3);  // [2, 1, 0]
 * normalizePermutation("transpose", [0, 0], 2);     // RangeError: transpose: axes [0,0] are not a permutation of 2 axes.
 */
export function normalizePermutation(
  fn: string,
  axes: readonly number[] | undefined,
  ndim: number,
): number[] {
  const perm = new Array<number>(ndim);
  if (axes === undefined) {
    for (let i = 0; i < ndim; i++) perm[i] = ndim - 1 - i;
    return perm;
  }
  let ok = axes.length === ndim;
  for (let i = 0; ok && i < ndim; i++) {
    const a = normalizeAxis(fn, axes[i], ndim);
    // Duplicates are caught on the normalised axes (-1 and n-1 are the same axis).
    for (let j = 0; j < i; j++) if (perm[j] === a) ok = false;
    perm[i] = a;
  }
  if (!ok) {
    throw rangeError(`${fn}: axes ${JSON.stringify(axes)} are not a permutation of ${ndim} axes.`);
  }
  return perm;
}

/**
 * The permutation numpy's `moveaxis(a, source, destination)` applies to an array of `ndim`
 * axes: axis `source` goes to position `destination` (either may be negative), the others keep
 * their order.
 * @example
 * moveaxisPermutation("moveaxis", 0, -1, 3); // [1, 2, 0]
 * moveaxisPermutation("moveaxis", 2, 0, 3);  // [2, 0, 1]
 */
export function moveaxisPermutation(
  fn: string,
  source: number,
  destination: number,
  ndim: number,
): number[] {
  const from = normalizeAxis(fn, source, ndim);
  const to = normalizeAxis(fn, destination, ndim);
  const order = new Array<number>(ndim);
  for (let i = 0, k = 0; i < ndim; i++) {
    if (i === to) order[i] = from;
    else {
      if (k === from) k++;
      order[i] = k++;
    }
  }
  return order;
}

/**
 * The permutation numpy's `swapaxes(a, axis1, axis2)` applies to an array of `ndim` axes: the
 * two axes (either may be negative) trade places.
 * @example
 * swapaxesPermutation("swapaxes", 0, -1, 3); // [2, 1, 0]
 * swapaxesPermutation("swapaxes", 1, 1, 3);  // [0, 1, 2]
 */
export function swapaxesPermutation(
  fn: string,
  axis1: number,
  axis2: number,
  ndim: number,
): number[] {
  const a = normalizeAxis(fn, axis1, ndim);
  const b = normalizeAxis(fn, axis2, ndim);
  const order = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) order[i] = i === a ? b : i === b ? a : i;
  return order;
}

/**
 * Checks that an array of shape `from` broadcasts to exactly the shape `to`, as numpy's
 * `broadcast_to` requires: `to`'s lengths are non-negative integers (else a RangeError), `to` has
 * at least as many axes, and each axis of `from` (aligned at the end) has length 1 or the length
 * of `to`'s axis.
 * @example
 * checkBroadcastTo("broadcastTo", [3], [2, 3]); // passes
 * checkBroadcastTo("broadcastTo", [3], [2, 4]); // ShapeError: broadcastTo: cannot broadcast shape [3] to [2,4].
 */
export function checkBroadcastTo(fn: string, from: Shape, to: Shape): void {
  for (let i = 0; i < to.length; i++) {
    if (!Number.isInteger(to[i]) || to[i] < 0) {
      throw rangeError(
        `${fn}: the target shape ${formatShape(to)} must have non-negative integer lengths.`,
      );
    }
  }
  const lead = to.length - from.length;
  let ok = lead >= 0;
  for (let i = 0; ok && i < from.length; i++) {
    const n = from[i];
    if (n !== 1 && n !== to[lead + i]) ok = false;
  }
  if (!ok) {
    throw new ShapeError(
      `${fn}: cannot broadcast shape ${formatShape(from)} to ${formatShape(to)}.`,
    );
  }
}

/**
 * The axes numpy's `squeeze(a, axis)` removes from an array of `shape`: every length-1 axis when
 * `axis` is absent, else the given axes (negative ones counting from the end), each of which
 * must have length 1 and appear once.
 * @example
 * squeezeAxes("squeeze", [1, 3, 1], undefined); // [0, 2]
 * squeezeAxes("squeeze", [1, 3, 1], -1);        // [2]
 * squeezeAxes("squeeze", [1, 3, 1], 1);         // RangeError: squeeze: cannot select an axis to squeeze out which has size not equal to one (axis 1 has size 3).
 */
export function squeezeAxes(
  fn: string,
  shape: Shape,
  axis: number | readonly number[] | undefined,
): number[] {
  const ndim = shape.length;
  if (axis === undefined) {
    let n = 0;
    for (let i = 0; i < ndim; i++) if (shape[i] === 1) n++;
    const ones = new Array<number>(n);
    for (let i = 0, k = 0; i < ndim; i++) if (shape[i] === 1) ones[k++] = i;
    return ones;
  }
  const list: readonly number[] = typeof axis === "number" ? [axis] : axis;
  const drop = new Array<number>(list.length);
  for (let i = 0; i < list.length; i++) {
    const a = normalizeAxis(fn, list[i], ndim);
    if (shape[a] !== 1) {
      throw rangeError(
        `${fn}: cannot select an axis to squeeze out which has size not equal to one (axis ${a} has size ${shape[a]}).`,
      );
    }
    for (let j = 0; j < i; j++) {
      if (drop[j] === a) throw rangeError(`${fn}: repeated axis in ${JSON.stringify(list)}.`);
    }
    drop[i] = a;
  }
  return drop;
}

/**
 * The shape `reshape(shape)` gives an array of `size` elements: at most one length may be -1,
 * inferred from the others; the lengths must multiply to `size`.
 * @example
 * resolveShape("reshape", 6, [3, -1]); // [3, 2]
 * resolveShape("reshape", 6, [4, -1]); // ShapeError: reshape: cannot reshape array of size 6 into shape [4,-1].
 */
export function resolveShape(fn: string, size: number, shape: Shape): number[] {
  const unknown = shape.indexOf(-1);
  if (unknown !== shape.lastIndexOf(-1))
    throw rangeError(`${fn}: can only specify one unknown dimension (-1).`);
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i];
    if (!Number.isInteger(n) || n < -1)
      throw rangeError(`${fn}: invalid dimension ${n} in ${formatShape(shape)}.`);
    if (n !== -1) known *= n;
  }
  if (unknown >= 0 ? known === 0 || size % known !== 0 : known !== size) {
    throw new ShapeError(
      `${fn}: cannot reshape array of size ${size} into shape ${formatShape(shape)}.`,
    );
  }
  const out = new Array<number>(shape.length);
  for (let i = 0; i < shape.length; i++) out[i] = i === unknown ? size / known : shape[i];
  return out;
}

/**
 * How many of an array's axes the `slice` specs index: the integers and `"start:stop:step"`
 * strings (a `null` adds an axis, `"..."` stands for the axes not indexed). Checked as numpy
 * checks an index: at most one `"..."`, and no more indices than the array's `ndim` axes.
 * @example
 * sliceIndexCount("slice", ["...", 0, null], 3); // 1
 * sliceIndexCount("slice", [0, 0], 1);           // RangeError: slice: too many indices for array: array is 1-dimensional, but 2 were indexed.
 */
export function sliceIndexCount(fn: string, specs: readonly SliceSpec[], ndim: number): number {
  let ellipses = 0;
  let consumed = 0;
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    if (s === "...") ellipses++;
    else if (s !== null) consumed++;
  }
  if (ellipses > 1 || consumed > ndim) badIndex(fn, ellipses, consumed, ndim);
  return consumed;
}

// Out of line, so that sliceIndexCount stays small enough to inline into every slice.
function badIndex(fn: string, ellipses: number, consumed: number, ndim: number): never {
  if (ellipses > 1) throw rangeError(`${fn}: an index can only have a single ellipsis ('...').`);
  throw rangeError(
    `${fn}: too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed.`,
  );
}

/**
 * Throws a RangeError if `options` has a key not in `allowed` (catches typos like `edge_order`).
 * @example
 * checkOptions("myFn", { tol: 1, maxiter: 5 }, ["tol"]);
 * // RangeError: myFn: unknown option "maxiter". Valid options: "tol".
 */
export function checkOptions(
  fn: string,
  options: object | undefined,
  allowed: readonly string[],
): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object")
    throw rangeError(`${fn}: options must be an object, got ${typeof options}.`);
  // Indexed, not for-of: every public function starts here, often before V8 optimizes it, and
  // for-of runs the iterator protocol until then.
  const keys = Object.keys(options);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!allowed.includes(key)) {
      throw rangeError(
        `${fn}: unknown option "${key}". Valid options: ${allowed.map((k) => `"${k}"`).join(", ")}.`,
      );
    }
  }
}
