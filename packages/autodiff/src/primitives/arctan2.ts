import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { addTangents } from "./add.js";
import { elementwiseBatch } from "./batching.js";

/** `arctan2(y, x)`: d/dy = x/(x²+y²), d/dx = -y/(x²+y²). */
export const arctan2: Primitive<undefined> = {
  name: "arctan2",
  impl: ([y, x]) => nd.arctan2(y, x),
  jvp: ([y, x], [ty, tx]) => {
    const r2 = np.add(np.multiply(x, x), np.multiply(y, y));
    const a = ty === null ? null : np.multiply(ty, np.divide(x, r2));
    const b = tx === null ? null : np.multiply(tx, np.negative(np.divide(y, r2)));
    return addTangents(a, b);
  },
  vjp: (ct, [y, x], _p, _o, which) => {
    const g = np.divide(ct, np.add(np.multiply(x, x), np.multiply(y, y)));
    return [which[0] ? np.multiply(g, x) : null, which[1] ? np.negative(np.multiply(g, y)) : null];
  },
  batch: elementwiseBatch,
};
