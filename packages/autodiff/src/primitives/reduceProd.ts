import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { ndOptions, type ReduceParams, reduceBatch, showReduce, unreduce } from "./reduce.js";

/**
 * d(prod)/dx_i, the product of the other elements: prod / x_i where no element is 0; where
 * exactly one is 0, the product of the others at that element and 0 elsewhere; 0 with two or
 * more zeros (the same values as jax's rule, without dividing by 0).
 */
function weights(x: Value, out: Value, params: ReduceParams): Value {
  const shape = shapeOf(x);
  const kept = { axes: params.axes, keepdims: true };
  const zero = np.equal(x, 0);
  const zeros = unreduce(np.reduceSum(np.astype(zero, "float64"), kept), shape, {
    ...params,
    keepdims: true,
  });
  const others = unreduce(np.reduceProd(np.where(zero, 1, x), kept), shape, {
    ...params,
    keepdims: true,
  });
  const plain = np.divide(unreduce(out, shape, params), np.where(zero, 1, x));
  return np.where(
    np.equal(zeros, 0),
    plain,
    np.where(np.logicalAnd(np.equal(zeros, 1), zero), others, 0),
  );
}

/** Product over axes. */
export const reduceProd: Primitive<ReduceParams> = {
  name: "reduceProd",
  impl: ([x], params) => nd.prod(x, ndOptions(x, params)),
  jvp: ([x], [t], params, out) =>
    t === null ? null : np.reduceSum(np.multiply(t, weights(x, out, params)), params),
  vjp: (ct, [x], params, out) => [
    np.multiply(unreduce(ct, shapeOf(x), params), weights(x, out, params)),
  ],
  batch: ([x], [d], params) => reduceBatch(np.reduceProd, x, d as number, params),
  show: showReduce,
};
