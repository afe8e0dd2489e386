import { asarray, formatShape, NDArray } from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

export interface ReshapeParams {
  shape: readonly number[];
}

/** A new shape for the same elements (row-major); linear. */
export const reshape: Primitive<ReshapeParams> = {
  name: "reshape",
  impl: (a, { shape }) => (a[0] instanceof NDArray ? a[0] : asarray(a[0])).reshape(shape),
  jvp: (_p, t, { shape }) => (t[0] === null ? null : np.reshape(t[0], shape)),
  vjp: (ct, [x]) => [np.reshape(ct, shapeOf(x))],
  batch: ([x], [d], { shape }, size) => [
    np.reshape(moveToFront(x, d as number), [size, ...shape]),
    0,
  ],
  show: (p) => `shape=${formatShape(p.shape)}`,
};
