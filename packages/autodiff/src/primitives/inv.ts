import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

/** Inverse of (a stack of) square matrices: d(A⁻¹) = -A⁻¹ dA A⁻¹. */
export const inv: Primitive<undefined> = {
  name: "inv",
  impl: ([a]) => nd.linalg.inv(a),
  jvp: (_p, [t], _q, out) => (t === null ? null : np.negative(np.matmul(np.matmul(out, t), out))),
  vjp: (ct, _p, _q, out) => {
    const outT = np.swapaxes(out, -1, -2);
    return [np.negative(np.matmul(np.matmul(outT, ct), outT))];
  },
  batch: ([a], [d]) => [np.inv(moveToFront(a, d as number)), 0],
};
