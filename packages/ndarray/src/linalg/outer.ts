import { toNDArray } from "../creation.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { gemm } from "./gemm.js";
import { castResult, productDType } from "./matmul.js";
import { viewFloat64 } from "./stack.js";

/**
 * The outer product of two vectors, numpy's `outer`: inputs are flattened, and
 * `out[i, j] = a[i] * b[j]`.
 *
 * @example
 * outer([1, 2], [1, 10, 100]); // array([[  1.,  10., 100.], [  2.,  20., 200.]])
 */
export function outer(a: ArrayLike, b: ArrayLike): NDArray {
  const x = toNDArray("outer", a);
  const y = toNDArray("outer", b);
  const m = x.size;
  const n = y.size;
  const out = new Float64Array(m * n);
  gemm(m, n, 1, viewFloat64(x), 0, viewFloat64(y), 0, out, 0);
  return castResult(out, [m, n], productDType(x.dtype, y.dtype));
}
