import { toNDArray } from "../creation.js";
import { type DType, isFloat, promote, storage, type TypedArray } from "../dtype.js";
import { type ArrayLike, NDArray } from "../ndarray.js";
import { forEachRow } from "./iterate.js";
import { broadcastShapes, contiguousStrides } from "./shape.js";

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

/** How a ufunc picks its result dtype from its input dtype(s). */
export type DTypeRule = (a: DType, b?: DType) => DType;

/** Runs a unary loop over any view; the result is a new contiguous array. */
export function applyUnary(x: NDArray, dtype: DType, loop: UnaryLoop): NDArray {
  const out = new (storage(dtype))(x.size);
  const data = x.data;
  forEachRow(x.shape, [x.strides, contiguousStrides(x.shape)], [x.offset, 0], (pos, n, inner) => {
    loop(data, pos[0], inner[0], out, pos[1], n);
  });
  return new NDArray(out, x.shape);
}

/** Runs a binary loop with numpy broadcasting; the result is a new contiguous array. */
export function applyBinary(
  fn: string,
  a: NDArray,
  b: NDArray,
  dtype: DType,
  loop: BinaryLoop,
): NDArray {
  const shape = broadcastShapes(fn, a.shape, b.shape);
  const out = new (storage(dtype))(shape.reduce((p, n) => p * n, 1));
  const x =
    a.shape.length === shape.length && a.shape.every((n, i) => n === shape[i])
      ? a
      : a.broadcastTo(shape);
  const y =
    b.shape.length === shape.length && b.shape.every((n, i) => n === shape[i])
      ? b
      : b.broadcastTo(shape);
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
  return new NDArray(out, shape);
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
