import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `x / y` with broadcasting: d/dx = 1/y, d/dy = -x/y² = -out/y. */
export const divide: Primitive<undefined> = {
  name: "divide",
  impl: ([x, y]) => nd.divide(x, y),
  jvp: ([, y], [tx, ty], _p, out) => {
    const a = tx === null ? null : np.divide(tx, y);
    const b = ty === null ? null : np.negative(np.divide(np.multiply(ty, out), y));
    return a === null ? b : b === null ? a : np.add(a, b);
  },
  vjp: (ct, [, y], _p, out, which) => {
    const g = np.divide(ct, y);
    return [which[0] ? g : null, which[1] ? np.negative(np.multiply(g, out)) : null];
  },
  batch: (args, dims, params) => elementwiseBatch(divide, args, dims, params),
};
