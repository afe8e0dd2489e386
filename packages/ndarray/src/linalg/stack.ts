// Shared plumbing for the linalg functions: read any ArrayLike as a stack of matrices stored in
// a fresh contiguous Float64Array (kernels factor in place, and inputs are never mutated).
import { toNDArray } from "../creation.js";
import { LinAlgError } from "../errors.js";
import { forEachRow } from "../internal/iterate.js";
import { contiguousStrides, sizeOf } from "../internal/shape.js";
import { type ArrayLike, NDArray } from "../ndarray.js";

/** A stack of `count` row-major m x n matrices, one after another in `data`. */
export interface MatrixStack {
  data: Float64Array;
  /** The leading (batch) axes. */
  batch: number[];
  count: number;
  m: number;
  n: number;
  /** float32 when the input was float32 (numpy then returns float32 results), else float64. */
  dtype: "float64" | "float32";
}

/** A contiguous float64 copy of `a`'s elements in row-major order. */
export function copyFloat64(a: NDArray): Float64Array {
  const out = new Float64Array(a.size);
  if (a.isContiguous) {
    const src = a.data;
    const o = a.offset;
    for (let i = 0; i < out.length; i++) out[i] = src[o + i];
    return out;
  }
  const src = a.data;
  let k = 0;
  forEachRow(a.shape, [a.strides], [a.offset], ([o], n, [s]) => {
    for (let i = 0; i < n; i++) out[k++] = src[o + i * s];
  });
  return out;
}

/** The elements as a float64 typed array, shared with `a` when it already is one and contiguous. */
export function viewFloat64(a: NDArray): Float64Array {
  if (a.isContiguous && a.data instanceof Float64Array)
    return a.data.subarray(a.offset, a.offset + a.size);
  return copyFloat64(a);
}

/** Reads `a` as a stack of matrices; numpy's LinAlgError when it has fewer than two axes. */
export function toStack(fn: string, a: ArrayLike): MatrixStack {
  const x = toNDArray(fn, a);
  if (x.ndim < 2) {
    throw new LinAlgError(
      `${fn}: ${x.ndim}-dimensional array given. Array must be at least two-dimensional.`,
    );
  }
  const m = x.shape[x.ndim - 2];
  const n = x.shape[x.ndim - 1];
  const batch = x.shape.slice(0, -2);
  const dtype = x.dtype === "float32" ? "float32" : "float64";
  return { data: copyFloat64(x), batch, count: sizeOf(batch), m, n, dtype };
}

/** Like {@link toStack} but also requires square matrices. */
export function toSquareStack(fn: string, a: ArrayLike): MatrixStack {
  const s = toStack(fn, a);
  if (s.m !== s.n) {
    throw new LinAlgError(
      `${fn}: Last 2 dimensions of the array must be square, got ${s.m}x${s.n}.`,
    );
  }
  return s;
}

/** Wraps a float64 buffer as an NDArray of `shape`, rounded to float32 if `dtype` says so. */
export function wrap(
  data: Float64Array,
  shape: readonly number[],
  dtype: "float64" | "float32" = "float64",
): NDArray {
  const a = new NDArray(data, shape, contiguousStrides(shape));
  return dtype === "float32" ? a.astype("float32") : a;
}

/** Throws numpy's LinAlgError for NaN/Infinity where LAPACK-backed numpy refuses them. */
export function assertFinite(fn: string, data: Float64Array): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new LinAlgError(`${fn}: Array must not contain infs or NaNs.`);
    }
  }
}
