import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";
import { balancedEq } from "./minimum.js";

/** Elementwise maximum; at ties the derivative is shared half and half (jax's rule). */
export const maximum: Primitive<undefined> = {
  name: "maximum",
  impl: ([x, y]) => nd.maximum(x, y),
  jvp: ([x, y], [tx, ty], _p, out) => {
    const a = tx === null ? null : np.multiply(tx, balancedEq(x, out, y));
    const b = ty === null ? null : np.multiply(ty, balancedEq(y, out, x));
    return a === null ? b : b === null ? a : np.add(a, b);
  },
  vjp: (ct, [x, y], _p, out, which) => [
    which[0] ? np.multiply(ct, balancedEq(x, out, y)) : null,
    which[1] ? np.multiply(ct, balancedEq(y, out, x)) : null,
  ],
  batch: (args, dims, params) => elementwiseBatch(maximum, args, dims, params),
};
