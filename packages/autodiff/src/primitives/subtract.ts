import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `x - y` with broadcasting; linear in both. */
export const subtract: Primitive<undefined> = {
  name: "subtract",
  impl: (a) => nd.subtract(a[0], a[1]),
  jvp: (_p, t) => {
    const tx = t[0];
    const ty = t[1];
    return ty === null ? tx : tx === null ? np.negative(ty) : np.subtract(tx, ty);
  },
  vjp: (ct, _p, _q, _o, which) => [ct, which[1] ? np.negative(ct) : null],
  batch: elementwiseBatch,
};
