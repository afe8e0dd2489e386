import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

/** Determinant of (a stack of) square matrices: d det = det · tr(A⁻¹ dA). */
export const det: Primitive<undefined> = {
  name: "det",
  impl: ([a]) => nd.linalg.det(a),
  jvp: ([a], [t], _p, out) =>
    t === null
      ? null
      : np.multiply(
          out,
          np.reduceSum(np.multiply(np.swapaxes(np.inv(a), -1, -2), t), {
            axes: [-2, -1],
            keepdims: false,
          }),
        ),
  vjp: (ct, [a], _p, out) => [
    np.multiply(
      np.expandDims(np.expandDims(np.multiply(ct, out), -1), -1),
      np.swapaxes(np.inv(a), -1, -2),
    ),
  ],
  batch: ([a], [d]) => [np.det(moveToFront(a, d as number)), 0],
};
