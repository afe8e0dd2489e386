import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { addTangents } from "./add.js";
import { elementwiseBatch } from "./batching.js";

/** numpy's `mod` (sign of the divisor), x - floor(x/y) y: d/dx = 1, d/dy = -floor(x/y). */
export const mod: Primitive<undefined> = {
  name: "mod",
  impl: ([x, y]) => nd.mod(x, y),
  jvp: ([x, y], [tx, ty]) => {
    const b = ty === null ? null : np.multiply(ty, np.negative(np.floor(np.divide(x, y))));
    return addTangents(tx, b);
  },
  vjp: (ct, [x, y], _p, _o, which) => [
    which[0] ? ct : null,
    which[1] ? np.multiply(ct, np.negative(np.floor(np.divide(x, y)))) : null,
  ],
  batch: elementwiseBatch,
};
