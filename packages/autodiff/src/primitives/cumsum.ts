import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

export interface CumsumParams {
  axis: number;
}

/** Cumulative sum along an axis; linear, its transpose is the reversed cumulative sum. */
export const cumsum: Primitive<CumsumParams> = {
  name: "cumsum",
  impl: ([x], { axis }) => nd.cumsum(x, { axis }),
  jvp: (_p, [t], params) => (t === null ? null : np.cumsumAxis(t, params.axis)),
  vjp: (ct, _p, { axis }) => {
    const flip = shapeOf(ct).map((_, i) => (i === axis ? "::-1" : ":"));
    return [np.slice(np.cumsumAxis(np.slice(ct, ...flip), axis), ...flip)];
  },
  batch: ([x], [d], { axis }) => [np.cumsumAxis(moveToFront(x, d as number), axis + 1), 0],
  show: (p) => `axis=${p.axis}`,
};
