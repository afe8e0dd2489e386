import { toNDArray } from "./creation.js";
import { allocate, type DType, isDType, type TypedArray } from "./dtype.js";
import { typeError } from "./errors.js";
import { forEachLane } from "./internal/reduction.js";
import { checkOptions, normalizeAxis } from "./internal/shape.js";
import { type ArrayLike, NDArray } from "./ndarray.js";

/** Options of `cumsum` / `cumprod`. */
export interface CumulativeOptions {
  /** Axis to accumulate along; absent or `null` flattens first (numpy's default). */
  axis?: number | null;
  /** dtype of the result (the input is cast to it first). */
  dtype?: DType;
}

function accumulate(
  fn: string,
  a: ArrayLike,
  options: CumulativeOptions | undefined,
  product: boolean,
): NDArray {
  checkOptions(fn, options, ["axis", "dtype"]);
  let x = toNDArray(fn, a);
  const want = options?.dtype;
  if (want !== undefined && !isDType(want)) {
    throw typeError(
      `${fn}: unknown dtype ${JSON.stringify(want)}; expected "float64", "float32", "int32" or "bool".`,
    );
  }
  if (want !== undefined && want !== x.dtype) x = x.astype(want);
  const axisOpt = options?.axis;
  if (axisOpt !== undefined && axisOpt !== null && typeof axisOpt !== "number") {
    throw typeError(
      `${fn}: axis must be a single integer or null, got ${JSON.stringify(axisOpt)}.`,
    );
  }
  if (axisOpt === undefined || axisOpt === null) x = x.ravel();
  const axis = normalizeAxis(fn, axisOpt ?? 0, x.ndim);
  const dtype: DType = want ?? (x.dtype === "bool" ? "int32" : x.dtype);
  const out = new NDArray(allocate(dtype, x.size), x.shape);
  const od = out.data;
  const d = x.data;
  const len = x.shape[axis];
  const xs = x.strides[axis];
  const os = out.strides[axis];
  // A running sum/product along the axis, as numpy's add.accumulate / multiply.accumulate.
  forEachLane(x.shape, axis, [x, out], ([o, oo]) => {
    if (product) cumprodLane(d, o, xs, od, oo, os, len);
    else cumsumLane(d, o, xs, od, oo, os, len);
  });
  return out;
}

function cumsumLane(
  d: TypedArray,
  o: number,
  xs: number,
  od: TypedArray,
  oo: number,
  os: number,
  n: number,
): void {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += d[o + i * xs];
    od[oo + i * os] = acc;
  }
}

function cumprodLane(
  d: TypedArray,
  o: number,
  xs: number,
  od: TypedArray,
  oo: number,
  os: number,
  n: number,
): void {
  let acc = 1;
  for (let i = 0; i < n; i++) {
    acc *= d[o + i * xs];
    od[oo + i * os] = acc;
  }
}

/**
 * Cumulative sum along `axis` (of the flattened array when no axis is given, as numpy).
 * Integer and bool inputs accumulate to int32.
 * @example
 * cumsum([1, 2, 3, 4]);                  // array([ 1.,  3.,  6., 10.])
 * cumsum([[1, 2], [3, 4]], { axis: 0 }); // array([[1., 2.], [4., 6.]])
 */
export function cumsum(a: ArrayLike, options?: CumulativeOptions): NDArray {
  return accumulate("cumsum", a, options, false);
}

/**
 * Cumulative product along `axis` (of the flattened array when no axis is given).
 * @example
 * cumprod([1, 2, 3, 4]);                  // array([ 1.,  2.,  6., 24.])
 * cumprod([[1, 2], [3, 4]], { axis: 1 }); // array([[ 1.,  2.], [ 3., 12.]])
 */
export function cumprod(a: ArrayLike, options?: CumulativeOptions): NDArray {
  return accumulate("cumprod", a, options, true);
}
