import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `x - y` with broadcasting; linear in both. */
export const subtract: Primitive<undefined> = {
  name: "subtract",
  impl: ([x, y]) => nd.subtract(x, y),
  jvp: (_p, [tx, ty]) => (ty === null ? tx : tx === null ? np.negative(ty) : np.subtract(tx, ty)),
  vjp: (ct, _p, _q, _o, which) => [ct, which[1] ? np.negative(ct) : null],
  batch: (args, dims, params) => elementwiseBatch(subtract, args, dims, params),
};
