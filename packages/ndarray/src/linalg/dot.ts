import { multiply } from "../arithmetic.js";
import { toNDArray } from "../creation.js";
import { ShapeError } from "../errors.js";
import { formatShape, sizeOf } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { gemm } from "./gemm.js";
import { castResult, productDType } from "./matmul.js";
import { viewFloat64 } from "./stack.js";

/**
 * numpy's `dot`: the inner product of two vectors (a JS number), the matrix product of two
 * matrices, and in general a sum product over the last axis of `a` and the second-to-last axis of
 * `b` (result shape `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`). A scalar operand multiplies.
 *
 * @example
 * dot([1, 2, 3], [4, 5, 6]);          // 32
 * dot([[1, 0], [0, 1]], [[4, 1], [2, 2]]); // array([[4., 1.], [2., 2.]])
 * dot(zeros([2, 3, 4]), zeros([5, 4, 6])).shape; // [2, 3, 5, 6]
 */
export function dot(a: readonly number[], b: readonly number[]): number;
export function dot(a: ArrayLike, b: ArrayLike): NDArray | number;
export function dot(a: ArrayLike, b: ArrayLike): NDArray | number {
  const x = toNDArray("dot", a);
  const y = toNDArray("dot", b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  const k = x.shape[x.ndim - 1];
  const kb = y.ndim === 1 ? y.shape[0] : y.shape[y.ndim - 2];
  if (k !== kb) {
    throw new ShapeError(
      `dot: shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} not aligned: ${k} (dim ${x.ndim - 1}) != ${kb} (dim ${Math.max(0, y.ndim - 2)}).`,
    );
  }
  const dtype = productDType(x.dtype, y.dtype);
  const rows = sizeOf(x.shape.slice(0, -1));
  const ad = viewFloat64(x);
  if (y.ndim === 1) {
    const bd = viewFloat64(y);
    const out = new Float64Array(rows);
    gemm(rows, 1, k, ad, 0, bd, 0, out, 0);
    const shape = x.shape.slice(0, -1);
    return shape.length === 0 ? out[0] : castResult(out, shape, dtype);
  }
  // Move b's contracted axis to the front: (k, q..., n) flattened to k x (Q*n).
  const yt = y.moveaxis(-2, 0);
  const bd = viewFloat64(yt.isContiguous ? yt : yt.copy());
  const cols = sizeOf(y.shape.filter((_, i) => i !== y.ndim - 2));
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, k, ad, 0, bd, 0, out, 0);
  const shape = [...x.shape.slice(0, -1), ...y.shape.slice(0, -2), y.shape[y.ndim - 1]];
  return castResult(out, shape, dtype);
}
