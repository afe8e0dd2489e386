import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `x + y` with broadcasting; linear in both. */
export const add: Primitive<undefined> = {
  name: "add",
  impl: ([x, y]) => nd.add(x, y),
  jvp: (_p, [tx, ty]) => (tx === null ? ty : ty === null ? tx : np.add(tx, ty)),
  vjp: (ct) => [ct, ct],
  batch: (args, dims, params) => elementwiseBatch(add, args, dims, params),
};
