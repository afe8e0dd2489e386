import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { materialize } from "./batching.js";

export interface ConcatenateParams {
  axis: number;
}

/** Joins arrays along an existing (non-negative) axis; linear in every argument. */
export const concatenate: Primitive<ConcatenateParams> = {
  name: "concatenate",
  impl: (args, { axis }) => nd.concatenate(args, { axis }),
  jvp: (primals, tangents, { axis }) => {
    if (tangents.every((t) => t === null)) return null;
    return np.concatenate(
      tangents.map((t, i) => t ?? np.zeros(shapeOf(primals[i]))),
      { axis },
    );
  },
  vjp: (ct, primals, { axis }, _o, which) => {
    const ctShape = shapeOf(ct);
    let at = 0;
    return primals.map((p, i) => {
      const n = shapeOf(p)[axis];
      const start = at;
      at += n;
      if (!which[i]) return null;
      return np.slice(ct, ...ctShape.map((_, k) => (k === axis ? `${start}:${start + n}` : ":")));
    });
  },
  batch: (args, dims, { axis }, size) => [
    np.concatenate(
      args.map((a, i) => materialize(a, dims[i], size)),
      { axis: axis + 1 },
    ),
    0,
  ],
  show: (p) => `axis=${p.axis}`,
};
