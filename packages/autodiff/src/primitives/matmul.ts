import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/**
 * Matrix product of operands with at least 2 axes, leading (batch) axes broadcasting as in
 * numpy (np.matmul adds and removes the axes of 1-D operands around it). Bilinear: the VJP is
 * `ct @ bᵀ` and `aᵀ @ ct`, summed over broadcast batch axes by the tape.
 */
export const matmul: Primitive<undefined> = {
  name: "matmul",
  impl: ([a, b]) => nd.matmul(a, b),
  jvp: ([a, b], [ta, tb]) => {
    const x = ta === null ? null : np.matmul(ta, b);
    const y = tb === null ? null : np.matmul(a, tb);
    return x === null ? y : y === null ? x : np.add(x, y);
  },
  vjp: (ct, [a, b], _p, _o, which) => [
    which[0] ? np.matmul(ct, np.swapaxes(b, -1, -2)) : null,
    which[1] ? np.matmul(np.swapaxes(a, -1, -2), ct) : null,
  ],
  // Batch axes in front, lower-rank operands padded with length-1 axes: the same alignment as
  // elementwise broadcasting, since matmul broadcasts its leading axes the same way.
  batch: elementwiseBatch,
};
