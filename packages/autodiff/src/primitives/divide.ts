import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { addTangents } from "./add.js";
import { elementwiseBatch } from "./batching.js";

/** `x / y` with broadcasting: d/dx = 1/y, d/dy = -x/y² = -out/y. */
export const divide: Primitive<undefined> = {
  name: "divide",
  impl: (a) => nd.divide(a[0], a[1]),
  jvp: (p, t, _p, out) => {
    const y = p[1];
    const tx = t[0];
    const ty = t[1];
    const a = tx === null ? null : np.divide(tx, y);
    const b = ty === null ? null : np.negative(np.divide(np.multiply(ty, out), y));
    return addTangents(a, b);
  },
  vjp: (ct, p, _p, out, which) => {
    const g = np.divide(ct, p[1]);
    return [which[0] ? g : null, which[1] ? np.negative(np.multiply(g, out)) : null];
  },
  batch: elementwiseBatch,
};
