import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `x * y` with broadcasting; bilinear. */
export const multiply: Primitive<undefined> = {
  name: "multiply",
  impl: ([x, y]) => nd.multiply(x, y),
  jvp: ([x, y], [tx, ty]) => {
    const a = tx === null ? null : np.multiply(tx, y);
    const b = ty === null ? null : np.multiply(x, ty);
    return a === null ? b : b === null ? a : np.add(a, b);
  },
  vjp: (ct, [x, y], _p, _o, which) => [
    which[0] ? np.multiply(ct, y) : null,
    which[1] ? np.multiply(x, ct) : null,
  ],
  batch: (args, dims, params) => elementwiseBatch(multiply, args, dims, params),
};
