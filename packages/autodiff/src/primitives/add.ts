import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `x + y` with broadcasting; linear in both. */
export const add: Primitive<undefined> = {
  name: "add",
  impl: (a) => nd.add(a[0], a[1]),
  jvp: (_p, t) => (t[0] === null ? t[1] : t[1] === null ? t[0] : np.add(t[0], t[1])),
  vjp: (ct) => [ct, ct],
  batch: (args, dims, params) => elementwiseBatch(add, args, dims, params),
};
