import { toNDArray } from "./creation.js";
import { allocate } from "./dtype.js";
import { rangeError, ShapeError, typeError } from "./errors.js";
import { operands } from "./internal/elementwise.js";
import { forEachRow } from "./internal/iterate.js";
import { forEachLane } from "./internal/reduction.js";
import {
  broadcastShapes,
  checkOptions,
  contiguousStrides,
  formatShape,
  normalizeAxis,
  sizeOf,
} from "./internal/shape.js";
import { type ArrayLike, NDArray } from "./ndarray.js";

/** Options of `take`. */
export interface TakeOptions {
  /** Axis to take along; absent or `null` indexes the flattened array (numpy's default). */
  axis?: number | null;
  /** Out-of-bounds indices: `"raise"` (default) throws, `"wrap"` wraps around, `"clip"` clamps. */
  mode?: "raise" | "wrap" | "clip";
}

/** Integer index values from `indices` (float arrays must hold integers). */
function indexArray(fn: string, indices: ArrayLike): NDArray {
  const idx = toNDArray(fn, indices);
  if (idx.dtype === "bool") {
    throw typeError(
      `${fn}: indices must be integers, got a bool array; use booleanMask or compress to select with a mask.`,
    );
  }
  return idx;
}

function resolveIndex(fn: string, k: number, n: number, axis: number, mode: string): number {
  if (!Number.isInteger(k)) throw typeError(`${fn}: indices must be integers, got ${k}.`);
  if (mode === "wrap") return n === 0 ? k : ((k % n) + n) % n;
  if (mode === "clip") return k < 0 ? 0 : k >= n ? n - 1 : k;
  if (k < -n || k >= n)
    throw rangeError(`${fn}: index ${k} is out of bounds for axis ${axis} with size ${n}.`);
  return k < 0 ? k + n : k;
}

/**
 * Elements of `a` at integer `indices` along `axis` (numpy's `take`): the result has shape
 * `a.shape[:axis] + indices.shape + a.shape[axis+1:]`. Negative indices count from the end.
 * Without `axis`, `a` is flattened; a single JS number index then returns a number.
 * @example
 * take([10, 20, 30], [2, 0, -1]);                  // array([30., 10., 30.])
 * take([[1, 2], [3, 4]], [1], { axis: 1 });        // array([[2.], [4.]])
 * take([10, 20, 30], 1);                           // 20
 */
export function take(
  a: ArrayLike,
  indices: number,
  options?: TakeOptions & { axis?: null },
): number;
export function take(a: ArrayLike, indices: ArrayLike, options?: TakeOptions): NDArray;
export function take(a: ArrayLike, indices: ArrayLike, options?: TakeOptions): number | NDArray {
  checkOptions("take", options, ["axis", "mode"]);
  const mode = options?.mode ?? "raise";
  if (mode !== "raise" && mode !== "wrap" && mode !== "clip") {
    throw rangeError(`take: mode must be "raise", "wrap" or "clip", got ${JSON.stringify(mode)}.`);
  }
  let x = toNDArray("take", a);
  const axisOpt = options?.axis;
  if (axisOpt === undefined || axisOpt === null) x = x.ravel();
  const axis = normalizeAxis("take", axisOpt ?? 0, x.ndim);
  const idx = indexArray("take", indices);
  const n = x.shape[axis];
  if (n === 0 && idx.size > 0 && mode !== "raise") {
    throw rangeError("take: cannot do a non-empty take from an empty axes.");
  }
  const picks = new Int32Array(idx.size);
  let k = 0;
  forEachRow(idx.shape, [idx.strides], [idx.offset], ([o], len, [s]) => {
    for (let i = 0; i < len; i++)
      picks[k++] = resolveIndex("take", idx.data[o + i * s], n, axis, mode);
  });
  const src = x.isContiguous ? x : x.copy();
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const shape = [...x.shape.slice(0, axis), ...idx.shape, ...x.shape.slice(axis + 1)];
  const out = allocate(x.dtype, outer * picks.length * inner);
  const d = src.data;
  let w = 0;
  for (let o = 0; o < outer; o++) {
    const base = src.offset + o * n * inner;
    for (let j = 0; j < picks.length; j++) {
      const from = base + picks[j] * inner;
      for (let i = 0; i < inner; i++) out[w++] = d[from + i];
    }
  }
  const result = new NDArray(out, shape);
  if (typeof indices === "number" && (axisOpt === undefined || axisOpt === null))
    return result.item();
  return result;
}

function boolMask(fn: string, mask: ArrayLike): NDArray {
  const m = toNDArray(fn, mask);
  if (m.dtype !== "bool") {
    throw typeError(
      `${fn}: mask must be a boolean array (dtype bool), got ${m.dtype}. Build one with a comparison such as greater(a, 0), or use take for integer indices.`,
    );
  }
  return m;
}

/** Positions (C order) of the true elements of a bool array. */
function truePositions(m: NDArray): number[] {
  const at: number[] = [];
  let k = 0;
  forEachRow(m.shape, [m.strides], [m.offset], ([o], n, [s]) => {
    for (let i = 0; i < n; i++, k++) if (m.data[o + i * s] !== 0) at.push(k);
  });
  return at;
}

/**
 * numpy's boolean indexing `a[mask]`: the elements (or sub-arrays) where `mask` is true, in C
 * order. `mask` must be a bool array whose shape equals the leading axes of `a`; the result has
 * shape `[count, ...a.shape.slice(mask.ndim)]` (1-D when the shapes are equal). Always a copy.
 * @example
 * const a = array([[1, -2], [-3, 4]]);
 * booleanMask(a, greater(a, 0));        // array([1., 4.])
 * booleanMask(a, [false, true]);        // array([[-3.,  4.]])
 */
export function booleanMask(a: ArrayLike, mask: ArrayLike): NDArray {
  const x = toNDArray("booleanMask", a);
  const m = boolMask("booleanMask", mask);
  if (m.ndim > x.ndim) {
    throw new ShapeError(
      `booleanMask: too many indices for array: array is ${x.ndim}-dimensional, but the mask is ${m.ndim}-dimensional (shapes ${formatShape(x.shape)} and ${formatShape(m.shape)}).`,
    );
  }
  for (let i = 0; i < m.ndim; i++) {
    if (m.shape[i] !== x.shape[i]) {
      throw new ShapeError(
        `booleanMask: boolean index did not match indexed array along axis ${i}; size of axis is ${x.shape[i]} but size of corresponding boolean axis is ${m.shape[i]} (shapes ${formatShape(x.shape)} and ${formatShape(m.shape)}).`,
      );
    }
  }
  const at = truePositions(m);
  const rest = x.shape.slice(m.ndim);
  const lead = x.reshape([m.size, ...rest]);
  return take(lead, at, { axis: 0 });
}

/**
 * Selects slices of `a` along `axis` where the 1-D `condition` is truthy (numpy's `compress`);
 * without `axis` the flattened array. `condition` may be shorter than the axis (the rest is
 * dropped), not longer.
 * @example
 * compress([true, false, true], [1, 2, 3]);                 // array([1., 3.])
 * compress([false, true], [[1, 2], [3, 4]], { axis: 0 });   // array([[3., 4.]])
 */
export function compress(
  condition: ArrayLike,
  a: ArrayLike,
  options?: { axis?: number | null },
): NDArray {
  checkOptions("compress", options, ["axis"]);
  const c = toNDArray("compress", condition);
  if (c.ndim !== 1)
    throw rangeError(`compress: condition must be a 1-d array, got shape ${formatShape(c.shape)}.`);
  let x = toNDArray("compress", a);
  const axisOpt = options?.axis;
  if (axisOpt === undefined || axisOpt === null) x = x.ravel();
  const axis = normalizeAxis("compress", axisOpt ?? 0, x.ndim);
  const picks: number[] = [];
  for (let i = 0; i < c.size; i++) {
    if (c.data[c.offset + i * c.strides[0]] === 0) continue;
    if (i >= x.shape[axis]) {
      throw rangeError(
        `compress: index ${i} is out of bounds for axis ${axis} with size ${x.shape[axis]}.`,
      );
    }
    picks.push(i);
  }
  return take(x, picks, { axis });
}

/**
 * The elements of `arr` where `condition` is truthy, both taken flat in C order (numpy's
 * `extract`; for same-shaped bool masks this is `a[mask]`).
 * @example
 * extract([[true, false], [false, true]], [[1, 2], [3, 4]]); // array([1., 4.])
 */
export function extract(condition: ArrayLike, arr: ArrayLike): NDArray {
  const c = toNDArray("extract", condition);
  const x = toNDArray("extract", arr).ravel();
  const at = truePositions(c.dtype === "bool" ? c : c.astype("bool"));
  if (at.length > 0 && at[at.length - 1] >= x.size) {
    throw rangeError(
      `extract: index ${at[at.length - 1]} is out of bounds for axis 0 with size ${x.size}.`,
    );
  }
  return take(x, at);
}

/**
 * Writes `values` into `a` where `mask` is true, IN PLACE (numpy's `putmask`; `a` must be an
 * NDArray, `mask` the same size). `values` are taken flat and repeated cyclically by position:
 * element i of `a` gets `values[i % values.length]`. Returns `a`. For a new array instead, use
 * `where(mask, values, a)`.
 * @example
 * const a = array([1, 2, 3, 4]);
 * putmask(a, greater(a, 2), 0); // a is now array([1., 2., 0., 0.])
 */
export function putmask(a: NDArray, mask: ArrayLike, values: ArrayLike): NDArray {
  if (!(a instanceof NDArray))
    throw typeError(
      "putmask: a must be an NDArray (it is written in place); for a new array use where(mask, values, a).",
    );
  const m = toNDArray("putmask", mask);
  if (m.size !== a.size) {
    throw new ShapeError(
      `putmask: mask and data must be the same size, got shapes ${formatShape(m.shape)} and ${formatShape(a.shape)}.`,
    );
  }
  const v = toNDArray("putmask", values).ravel();
  const flags = m.ravel();
  const any = flags.data.subarray(flags.offset, flags.offset + flags.size).some((f) => f !== 0);
  if (!any) return a;
  if (v.size === 0) throw rangeError("putmask: values is empty but the mask selects elements.");
  const isBool = a.dtype === "bool";
  let k = 0;
  forEachRow(a.shape, [a.strides], [a.offset], ([o], n, [s]) => {
    for (let i = 0; i < n; i++, k++) {
      if (flags.data[flags.offset + k] === 0) continue;
      const val = v.data[v.offset + (k % v.size)];
      a.data[o + i * s] = isBool ? (val !== 0 ? 1 : 0) : val;
    }
  });
  return a;
}

/**
 * numpy's `where`: with three arguments, `x` where `condition` is truthy and `y` elsewhere,
 * broadcasting all three (JS numbers are weak scalars for the dtype, as in numpy 2). With one
 * argument, the same as {@link nonzero}.
 * @example
 * where([true, false, true], [1, 2, 3], 0);   // array([1., 0., 3.])
 * where(greater([[1, 5], [7, 2]], 3), 1, -1); // array([[-1.,  1.], [ 1., -1.]])
 * where([0, 3, 0, 4]);                        // [array([1, 3], dtype=int32)]
 */
export function where(condition: ArrayLike): NDArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzero(condition);
  if (x === undefined || y === undefined)
    throw typeError("where: either both or neither of x and y should be given.");
  const c = toNDArray("where", condition);
  const [xa, ya, dtype] = operands("where", x, y);
  const shape = broadcastShapes("where", c.shape, xa.shape, ya.shape);
  const cb = c.broadcastTo(shape);
  const xb = xa.broadcastTo(shape);
  const yb = ya.broadcastTo(shape);
  const out = allocate(dtype, sizeOf(shape));
  const cd = cb.data;
  const xd = xb.data;
  const yd = yb.data;
  forEachRow(
    shape,
    [cb.strides, xb.strides, yb.strides, contiguousStrides(shape)],
    [cb.offset, xb.offset, yb.offset, 0],
    ([co, xo, yo, oo], n, [cs, xs, ys, os]) => {
      for (let i = 0; i < n; i++)
        out[oo + i * os] = cd[co + i * cs] !== 0 ? xd[xo + i * xs] : yd[yo + i * ys];
    },
  );
  return new NDArray(out, shape);
}

/**
 * Indices of the truthy (nonzero) elements, one int32 array per axis (numpy's `nonzero`), in C
 * order. 0-d input throws, as in numpy 2.
 * @example
 * nonzero([[1, 0], [0, 2]]); // [array([0, 1], dtype=int32), array([0, 1], dtype=int32)]
 */
export function nonzero(a: ArrayLike): NDArray[] {
  const x = toNDArray("nonzero", a);
  if (x.ndim === 0) {
    throw rangeError(
      "nonzero: calling nonzero on 0d arrays is not allowed. Use atleast_1d (reshape(1)) first.",
    );
  }
  const flat = argwhereData(x);
  const count = flat.length / x.ndim;
  return x.shape.map((_, axis) => {
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = flat[i * x.ndim + axis];
    return new NDArray(out, [count]);
  });
}

function argwhereData(x: NDArray): Int32Array {
  const flat: number[] = [];
  const ndim = x.ndim;
  const strides = contiguousStrides(x.shape);
  let k = 0;
  forEachRow(x.shape, [x.strides], [x.offset], ([o], n, [s]) => {
    for (let i = 0; i < n; i++, k++) {
      if (x.data[o + i * s] === 0) continue;
      let rem = k;
      for (let d = 0; d < ndim; d++) {
        flat.push(Math.floor(rem / strides[d]));
        rem %= strides[d];
      }
    }
  });
  return Int32Array.from(flat);
}

/**
 * Indices of the truthy elements as an int32 array of shape `[count, ndim]` (numpy's `argwhere`).
 * @example
 * argwhere([[1, 0], [0, 2]]); // array([[0, 0], [1, 1]], dtype=int32)
 */
export function argwhere(a: ArrayLike): NDArray {
  const x = toNDArray("argwhere", a);
  if (x.ndim === 0) return new NDArray(new Int32Array(0), [x.data[x.offset] !== 0 ? 1 : 0, 0]);
  const flat = argwhereData(x);
  return new NDArray(flat, [flat.length / x.ndim, x.ndim]);
}

/**
 * Indices of the truthy elements of the flattened array (numpy's `flatnonzero`).
 * @example
 * flatnonzero([[1, 0], [0, 2]]); // array([0, 3], dtype=int32)
 */
export function flatnonzero(a: ArrayLike): NDArray {
  return nonzero(toNDArray("flatnonzero", a).ravel())[0];
}

/**
 * Picks values along `axis` with an index array of the same number of dimensions (numpy's
 * `take_along_axis`), e.g. to apply the result of `argsort` or `argmax(..., { keepdims: true })`.
 * The other axes broadcast. Without `axis` (`null`) the flattened array and 1-D indices are used.
 * @example
 * const a = array([[10, 30, 20], [60, 40, 50]]);
 * takeAlongAxis(a, argsort(a, { axis: 1 }), { axis: 1 }); // array([[10., 20., 30.], [40., 50., 60.]])
 */
export function takeAlongAxis(
  arr: ArrayLike,
  indices: ArrayLike,
  options?: { axis?: number | null },
): NDArray {
  checkOptions("takeAlongAxis", options, ["axis"]);
  let x = toNDArray("takeAlongAxis", arr);
  const idx = indexArray("takeAlongAxis", indices);
  const axisOpt = options?.axis === undefined ? -1 : options.axis;
  if (axisOpt === null) {
    if (idx.ndim !== 1)
      throw rangeError(
        `takeAlongAxis: when axis is null, indices must be 1-d, got shape ${formatShape(idx.shape)}.`,
      );
    x = x.ravel();
  }
  if (idx.ndim !== x.ndim) {
    throw new ShapeError(
      `takeAlongAxis: indices and arr must have the same number of dimensions, got shapes ${formatShape(idx.shape)} and ${formatShape(x.shape)}.`,
    );
  }
  const axis = normalizeAxis("takeAlongAxis", axisOpt ?? 0, x.ndim);
  const n = x.shape[axis];
  const outShape = x.shape.map((len, i) => {
    if (i === axis) return idx.shape[i];
    if (len === idx.shape[i] || idx.shape[i] === 1) return len;
    if (len === 1) return idx.shape[i];
    throw new ShapeError(
      `takeAlongAxis: shapes ${formatShape(x.shape)} and ${formatShape(idx.shape)} do not broadcast outside axis ${axis}.`,
    );
  });
  const xv = new NDArray(
    x.data,
    outShape.map((len, i) => (i === axis ? n : len)),
    x.strides.map((s, i) => (i !== axis && x.shape[i] === 1 ? 0 : s)),
    x.offset,
  );
  const ib = idx.broadcastTo(outShape);
  const out = new NDArray(allocate(x.dtype, sizeOf(outShape)), outShape);
  const m = outShape[axis];
  const xs = xv.strides[axis];
  const is = ib.strides[axis];
  const os = out.strides[axis];
  const xd = x.data;
  const id = ib.data;
  const od = out.data;
  forEachLane(outShape, axis, [xv, ib, out], ([xo, io, oo]) => {
    for (let j = 0; j < m; j++) {
      const k = resolveIndex("takeAlongAxis", id[io + j * is], n, axis, "raise");
      od[oo + j * os] = xd[xo + k * xs];
    }
  });
  return out;
}
