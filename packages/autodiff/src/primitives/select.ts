import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `where(cond, x, y)` with broadcasting; the cotangent goes to the chosen branch only. */
export const select: Primitive<undefined> = {
  name: "select",
  impl: ([c, x, y]) => nd.where(c, x, y),
  jvp: ([c], [, tx, ty]) => (tx === null && ty === null ? null : np.where(c, tx ?? 0, ty ?? 0)),
  vjp: (ct, [c], _p, _o, which) => [
    null,
    which[1] ? np.where(c, ct, 0) : null,
    which[2] ? np.where(c, 0, ct) : null,
  ],
  batch: elementwiseBatch,
};
