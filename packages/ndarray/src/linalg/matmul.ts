import { toNDArray } from "../creation.js";
import type { DType } from "../dtype.js";
import { ShapeError, typeError } from "../errors.js";
import { broadcastShapes, formatShape, sizeOf } from "../internal/shape.js";
import { type ArrayLike, NDArray } from "../ndarray.js";
import { gemm } from "./gemm.js";
import { viewFloat64 } from "./stack.js";

/** numpy's result dtype for a product: float32 only when both are, int32/bool stay integral. */
export function productDType(a: DType, b: DType): DType {
  if (a === b) return a;
  const intLike = (d: DType) => d === "int32" || d === "bool";
  if (intLike(a) && intLike(b)) return "int32";
  return "float64";
}

/** Stores float64 results as `dtype` (bool: nonzero is true), reusing the buffer for float64. */
export function castResult(data: Float64Array, shape: readonly number[], dtype: DType): NDArray {
  if (dtype === "float64") return new NDArray(data, shape);
  return new NDArray(data, shape).astype(dtype);
}

/**
 * Matrix product with numpy's `matmul` (`@`) rules: 2-D arrays multiply as matrices, a 1-D
 * first argument is a row vector and a 1-D second argument a column vector (the added axis is
 * removed again), and leading axes are batches that broadcast. Two 1-D arrays give their inner
 * product as a JS number. Scalars are rejected (use `multiply`).
 *
 * @example
 * matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]); // array([[19., 22.], [43., 50.]])
 * matmul([[1, 2], [3, 4]], [1, 1]);           // array([3., 7.])
 * matmul([1, 2, 3], [4, 5, 6]);               // 32
 * matmul(zeros([10, 2, 3]), zeros([3, 4])).shape; // [10, 2, 4]
 */
export function matmul(a: readonly number[], b: readonly number[]): number;
export function matmul(a: ArrayLike, b: ArrayLike): NDArray | number;
export function matmul(a: ArrayLike, b: ArrayLike): NDArray | number {
  const x = toNDArray("matmul", a);
  const y = toNDArray("matmul", b);
  for (const [i, v] of [x, y].entries()) {
    if (v.ndim === 0) {
      throw typeError(
        `matmul: Input operand ${i} does not have enough dimensions (it is a scalar); use multiply for scalars.`,
      );
    }
  }
  const dtype = productDType(x.dtype, y.dtype);
  const xv = x.ndim === 1 ? x.reshape(1, x.shape[0]) : x;
  const yv = y.ndim === 1 ? y.reshape(y.shape[0], 1) : y;
  const m = xv.shape[xv.ndim - 2];
  const k = xv.shape[xv.ndim - 1];
  const k2 = yv.shape[yv.ndim - 2];
  const n = yv.shape[yv.ndim - 1];
  if (k !== k2) {
    throw new ShapeError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${k2} is different from ${k}); shapes ${formatShape(x.shape)} and ${formatShape(y.shape)}.`,
    );
  }
  const aBatch = xv.shape.slice(0, -2);
  const bBatch = yv.shape.slice(0, -2);
  const batch = broadcastShapes("matmul", aBatch, bBatch);
  const count = sizeOf(batch);
  const ad = viewFloat64(xv);
  const bd = viewFloat64(yv);
  const out = new Float64Array(count * m * n);
  const aCount = sizeOf(aBatch);
  const bCount = sizeOf(bBatch);
  if (bCount === 1 && aCount === count) {
    // One tall product: the stacked A matrices are rows of a single (count*m) x k matrix.
    gemm(count * m, n, k, ad, 0, bd, 0, out, 0);
  } else {
    const aIdx = batchOffsets(aBatch, batch);
    const bIdx = batchOffsets(bBatch, batch);
    for (let t = 0; t < count; t++) {
      gemm(m, n, k, ad, aIdx[t] * m * k, bd, bIdx[t] * k * n, out, t * m * n);
    }
  }
  const shape = [...batch];
  if (x.ndim > 1) shape.push(m);
  if (y.ndim > 1) shape.push(n);
  if (shape.length === 0) return out[0];
  return castResult(out, shape, dtype);
}

/** For each position of the broadcast batch shape, the matching matrix index in `own`. */
export function batchOffsets(own: readonly number[], batch: readonly number[]): Int32Array {
  const count = sizeOf(batch);
  const idx = new Int32Array(count);
  const lead = batch.length - own.length;
  const strides = new Array<number>(batch.length).fill(0);
  let s = 1;
  for (let i = own.length - 1; i >= 0; i--) {
    strides[i + lead] = own[i] === 1 ? 0 : s;
    s *= own[i];
  }
  const counter = new Array<number>(batch.length).fill(0);
  let at = 0;
  for (let t = 0; t < count; t++) {
    idx[t] = at;
    for (let d = batch.length - 1; d >= 0; d--) {
      counter[d]++;
      at += strides[d];
      if (counter[d] < batch[d]) break;
      at -= strides[d] * batch[d];
      counter[d] = 0;
    }
  }
  return idx;
}
