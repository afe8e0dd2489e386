import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { materialize } from "./batching.js";

export interface StackParams {
  axis: number;
}

/** Joins same-shaped arrays along a new (non-negative) axis; linear in every argument. */
export const stack: Primitive<StackParams> = {
  name: "stack",
  impl: (args, { axis }) => nd.stack(args, { axis }),
  jvp: (primals, tangents, { axis }) => {
    if (tangents.every((t) => t === null)) return null;
    return np.stackValues(
      "stack",
      tangents.map((t, i) => t ?? np.zeros(shapeOf(primals[i]))),
      axis,
    );
  },
  vjp: (ct, primals, { axis }, _o, which) => {
    const rank = shapeOf(ct).length;
    return primals.map((_, i) =>
      which[i]
        ? np.slice(ct, ...Array.from({ length: rank }, (_a, k) => (k === axis ? i : ":")))
        : null,
    );
  },
  batch: (args, dims, { axis }, size) => [
    np.stackValues(
      "stack",
      args.map((a, i) => materialize(a, dims[i], size)),
      axis + 1,
    ),
    0,
  ],
  show: (p) => `axis=${p.axis}`,
};
