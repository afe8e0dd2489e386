import { toNDArray } from "../creation.js";
import { allocate, type DType, isFloat, promote, type TypedArray } from "../dtype.js";
import { type ArrayLike, fresh, type NDArray, view } from "../ndarray.js";
import { forEachRow } from "./iterate.js";
import { broadcastShapes, contiguousStrides, sameShape, sizeOf } from "./shape.js";

/** An inner loop over one row: `out[oo + i] = op(x[xo + i*xs])`. */
export type UnaryLoop = (
  x: TypedArray,
  xo: number,
  xs: number,
  out: TypedArray,
  oo: number,
  n: number,
) => void;

/** An inner loop over one row: `out[oo + i] = op(x[xo + i*xs], y[yo + i*ys])`. */
export type BinaryLoop = (
  x: TypedArray,
  xo: number,
  xs: number,
  y: TypedArray,
  yo: number,
  ys: number,
  out: TypedArray,
  oo: number,
  n: number,
) => void;

/**
 * The strides of any contiguous 1-D array (shared, never written, as all shapes and strides).
 * Made as every strides array is (not a literal), so that it has their elements kind: V8's
 * optimized code for a stride read then sees no new array map.
 */
const UNIT: readonly number[] = contiguousStrides([1]);

/**
 * A new contiguous array over `out` shaped as `x`, a 0-d or 1-d array: its shape and, when it is
 * contiguous, its strides serve as they are (never mutated), saving the allocation of new ones for
 * every small result. No call for a strided `x` either: a call first made after V8 has optimized
 * the kernels (a strided column, as jacfwd's first) would deoptimize every kernel inlining this.
 */
function like(out: TypedArray, x: NDArray): NDArray {
  return view(out, x.shape, x.isContiguous ? x.strides : UNIT, 0);
}

/**
 * Runs a unary loop over any view; the result is a new contiguous array. With `compute`, the
 * input is first converted to that dtype (numpy's ufunc loops are typed the same way): each loop
 * then sees one kind of typed array in the common case and V8 keeps it monomorphic and fast.
 */
export function applyUnary(x: NDArray, dtype: DType, loop: UnaryLoop, compute?: DType): NDArray {
  if (compute !== undefined && x.dtype !== compute) x = x.astype(compute);
  const size = x.size;
  const out = allocate(dtype, size);
  if (x.shape.length === 1) {
    loop(x.data, x.offset, x.strides[0], out, 0, size);
    return like(out, x);
  }
  if (x.isContiguous) {
    loop(x.data, x.offset, 1, out, 0, size);
    return view(out, x.shape, x.strides, 0);
  }
  const data = x.data;
  forEachRow(x.shape, [x.strides, contiguousStrides(x.shape)], [x.offset, 0], (pos, n, inner) => {
    loop(data, pos[0], inner[0], out, pos[1], n);
  });
  return fresh(out, x.shape);
}

/**
 * Runs a binary loop with numpy broadcasting; the result is a new contiguous array. `compute`
 * converts both inputs first, as in {@link applyUnary}. Equal contiguous shapes and an operand of
 * size 1 (the common `x * 2`) go straight to the loop: small arrays pay no broadcasting set-up.
 */
export function applyBinary(
  fn: string,
  a: NDArray,
  b: NDArray,
  dtype: DType,
  loop: BinaryLoop,
  compute?: DType,
): NDArray {
  if (compute !== undefined) {
    if (a.dtype !== compute) a = a.astype(compute);
    if (b.dtype !== compute) b = b.astype(compute);
  }
  const as = a.shape;
  const bs = b.shape;
  if (as.length <= 1 && bs.length <= 1) {
    // 0-d and 1-d operands with any strides (a strided slice times a scalar, say): one strided
    // loop, no broadcasting set-up.
    const na = as.length === 0 ? 1 : as[0];
    const nb = bs.length === 0 ? 1 : bs[0];
    if (na === nb || na === 1 || nb === 1) {
      const n = na === 1 ? nb : na;
      const out = allocate(dtype, n);
      const sa = na === 1 ? 0 : a.strides[0];
      const sb = nb === 1 ? 0 : b.strides[0];
      loop(a.data, a.offset, sa, b.data, b.offset, sb, out, 0, n);
      // The result is shaped like whichever operand already has its shape (a 1-d one if any).
      return like(out, as.length === 1 && na === n ? a : b);
    }
  }
  if (a.isContiguous && b.isContiguous) {
    if (sameShape(as, bs)) {
      const out = allocate(dtype, a.size);
      loop(a.data, a.offset, 1, b.data, b.offset, 1, out, 0, a.size);
      return view(out, as, a.strides, 0);
    }
    if (b.size === 1 && bs.length <= as.length) {
      const out = allocate(dtype, a.size);
      loop(a.data, a.offset, 1, b.data, b.offset, 0, out, 0, a.size);
      return view(out, as, a.strides, 0);
    }
    if (a.size === 1 && as.length <= bs.length) {
      const out = allocate(dtype, b.size);
      loop(a.data, a.offset, 0, b.data, b.offset, 1, out, 0, b.size);
      return view(out, bs, b.strides, 0);
    }
  }
  const shape = broadcastShapes(fn, as, bs);
  const out = allocate(dtype, sizeOf(shape));
  const x = sameShape(as, shape) ? a : a.broadcastTo(shape);
  const y = sameShape(bs, shape) ? b : b.broadcastTo(shape);
  const xd = x.data;
  const yd = y.data;
  forEachRow(
    shape,
    [x.strides, y.strides, contiguousStrides(shape)],
    [x.offset, y.offset, 0],
    (pos, n, inner) => {
      loop(xd, pos[0], inner[0], yd, pos[1], inner[1], out, pos[2], n);
    },
  );
  return fresh(out, shape);
}

/**
 * The dtypes of two operands under numpy 2's rules for Python scalars (NEP 50): a JS number is
 * "weak" and takes the array's dtype unless it cannot be represented there (a fraction with an
 * integer array gives float64).
 */
export function operands(fn: string, a: ArrayLike, b: ArrayLike): [NDArray, NDArray, DType] {
  const aWeak = typeof a === "number";
  const bWeak = typeof b === "number";
  const x = toNDArray(fn, a);
  const y = toNDArray(fn, b);
  let dtype: DType;
  if (aWeak && !bWeak) dtype = weak(y.dtype, a as number);
  else if (bWeak && !aWeak) dtype = weak(x.dtype, b as number);
  else dtype = promote(x.dtype, y.dtype);
  return [x, y, dtype];
}

function weak(dtype: DType, value: number): DType {
  if (isFloat(dtype)) return dtype;
  return Number.isInteger(value) ? (dtype === "bool" ? "int32" : dtype) : "float64";
}
