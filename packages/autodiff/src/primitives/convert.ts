import { asarray, type DType, NDArray } from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { dtypeOf, isFloatDType } from "../core/value.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

export interface ConvertParams {
  dtype: DType;
}

/** `x.astype(dtype)`: differentiable between float dtypes, zero derivative to or from int/bool. */
export const convert: Primitive<ConvertParams> = {
  name: "convert",
  impl: ([x], { dtype }) => (x instanceof NDArray ? x.astype(dtype) : asarray(x, { dtype })),
  jvp: ([x], [t], { dtype }) =>
    t === null || !isFloatDType(dtype) || !isFloatDType(dtypeOf(x)) ? null : np.astype(t, dtype),
  vjp: (ct, [x], { dtype }) => [
    isFloatDType(dtype) && isFloatDType(dtypeOf(x)) ? np.astype(ct, dtypeOf(x)) : null,
  ],
  batch: elementwiseBatch,
  show: (p) => `dtype=${p.dtype}`,
};
