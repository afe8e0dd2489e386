import { asarray, formatShape, NDArray } from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

export interface BroadcastParams {
  shape: readonly number[];
}

/**
 * numpy broadcasting to `shape`. Its VJP returns the output-shaped cotangent: the tape sums it
 * back over the broadcast axes (the same unbroadcast every broadcasting primitive needs).
 */
export const broadcastTo: Primitive<BroadcastParams> = {
  name: "broadcastTo",
  impl: (a, { shape }) => (a[0] instanceof NDArray ? a[0] : asarray(a[0])).broadcastTo(shape),
  jvp: (_p, t, { shape }) => (t[0] === null ? null : np.broadcastTo(t[0], shape)),
  vjp: (ct) => [ct],
  batch: ([x], [d], { shape }, size) => {
    const moved = moveToFront(x, d as number);
    const own = shapeOf(moved).slice(1);
    const aligned = np.reshape(moved, [
      size,
      ...new Array<number>(shape.length - own.length).fill(1),
      ...own,
    ]);
    return [np.broadcastTo(aligned, [size, ...shape]), 0];
  },
  show: (p) => `shape=${formatShape(p.shape)}`,
};
