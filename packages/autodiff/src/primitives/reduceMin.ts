import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { ndOptions, type ReduceParams, reduceBatch, showReduce, unreduce } from "./reduce.js";
import { chooserWeights } from "./reduceMax.js";

/** Minimum over axes; the derivative is shared equally between tied minima. */
export const reduceMin: Primitive<ReduceParams> = {
  name: "reduceMin",
  impl: ([x], params) => nd.min(x, ndOptions(x, params)),
  jvp: ([x], [t], params, out) =>
    t === null ? null : np.reduceSum(np.multiply(t, chooserWeights(x, out, params)), params),
  vjp: (ct, [x], params, out) => [
    np.multiply(unreduce(ct, shapeOf(x), params), chooserWeights(x, out, params)),
  ],
  batch: ([x], [d], params) => reduceBatch(np.reduceMin, x, d as number, params),
  show: showReduce,
};
