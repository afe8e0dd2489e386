import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { ndOptions, type ReduceParams, reduceBatch, showReduce, unreduce } from "./reduce.js";

/** Where x attains its extremum, divided by the number of ties (jax's chooser rule). */
export function chooserWeights(x: Value, out: Value, params: ReduceParams): Value {
  const shape = shapeOf(x);
  const hits = np.astype(np.equal(x, unreduce(out, shape, params)), "float64");
  const count = np.reduceSum(hits, { axes: params.axes, keepdims: true });
  return np.divide(hits, count);
}

/** Maximum over axes; the derivative is shared equally between tied maxima. */
export const reduceMax: Primitive<ReduceParams> = {
  name: "reduceMax",
  impl: ([x], params) => nd.max(x, ndOptions(x, params)),
  jvp: ([x], [t], params, out) =>
    t === null ? null : np.reduceSum(np.multiply(t, chooserWeights(x, out, params)), params),
  vjp: (ct, [x], params, out) => [
    np.multiply(unreduce(ct, shapeOf(x), params), chooserWeights(x, out, params)),
  ],
  batch: ([x], [d], params) => reduceBatch(np.reduceMax, x, d as number, params),
  show: showReduce,
};
