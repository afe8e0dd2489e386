import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { ndOptions, type ReduceParams, reduceBatch, showReduce, unreduce } from "./reduce.js";

/**
 * Product over axes: d(prod)/dx_i = prod / x_i. (jax avoids the division for exact zeros with
 * exclusive cumulative products; here an element exactly 0 gives NaN in its own derivative.)
 */
export const reduceProd: Primitive<ReduceParams> = {
  name: "reduceProd",
  impl: ([x], params) => nd.prod(x, ndOptions(x, params)),
  jvp: ([x], [t], params, out) =>
    t === null
      ? null
      : np.reduceSum(np.multiply(t, np.divide(unreduce(out, shapeOf(x), params), x)), params),
  vjp: (ct, [x], params, out) => [
    np.divide(np.multiply(unreduce(ct, shapeOf(x), params), unreduce(out, shapeOf(x), params)), x),
  ],
  batch: ([x], [d], params) => reduceBatch(np.reduceProd, x, d as number, params),
  show: showReduce,
};
