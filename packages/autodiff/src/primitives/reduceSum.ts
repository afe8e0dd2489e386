import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { ndOptions, type ReduceParams, reduceBatch, showReduce, unreduce } from "./reduce.js";

/** Sum over axes; linear, its transpose broadcasts the cotangent back. */
export const reduceSum: Primitive<ReduceParams> = {
  name: "reduceSum",
  impl: ([x], params) => nd.sum(x, ndOptions(x, params)),
  jvp: (_p, [t], params) => (t === null ? null : np.reduceSum(t, params)),
  vjp: (ct, [x], params) => [unreduce(ct, shapeOf(x), params)],
  batch: ([x], [d], params) => reduceBatch(np.reduceSum, x, d as number, params),
  show: showReduce,
};
