import { multiply } from "../arithmetic.js";
import { toNDArray } from "../creation.js";
import { ShapeError } from "../errors.js";
import { formatShape, sizeOf } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { gemm } from "./gemm.js";
import { castResult, productDType } from "./matmul.js";
import { viewFloat64 } from "./stack.js";

/**
 * numpy's `inner`: a sum product over the last axes of `a` and `b` (result shape
 * `a.shape[:-1] + b.shape[:-1]`); two vectors give a JS number, a scalar operand multiplies.
 *
 * @example
 * inner([1, 2, 3], [0, 1, 0]);            // 2
 * inner([[1, 2], [3, 4]], [[1, 0], [0, 1]]); // array([[1., 2.], [3., 4.]])
 */
export function inner(a: readonly number[], b: readonly number[]): number;
export function inner(a: ArrayLike, b: ArrayLike): NDArray | number;
export function inner(a: ArrayLike, b: ArrayLike): NDArray | number {
  const x = toNDArray("inner", a);
  const y = toNDArray("inner", b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  const k = x.shape[x.ndim - 1];
  if (k !== y.shape[y.ndim - 1]) {
    throw new ShapeError(
      `inner: shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} not aligned: the last dimensions differ (${k} != ${y.shape[y.ndim - 1]}).`,
    );
  }
  const rows = sizeOf(x.shape.slice(0, -1));
  const cols = sizeOf(y.shape.slice(0, -1));
  // b's rows become columns: inner(a, b) = A B^T with both flattened to matrices.
  const bt = y.reshape(cols, k).T.copy();
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, k, viewFloat64(x), 0, viewFloat64(bt), 0, out, 0);
  const shape = [...x.shape.slice(0, -1), ...y.shape.slice(0, -1)];
  return shape.length === 0 ? out[0] : castResult(out, shape, productDType(x.dtype, y.dtype));
}
