import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { materialize } from "./batching.js";

export interface StackParams {
  axis: number;
}

/** Joins same-shaped arrays along a new (non-negative) axis; linear in every argument. */
export const stack: Primitive<StackParams> = {
  name: "stack",
  impl: (args, { axis }) => nd.stack(args, { axis }),
  // The lists handed on are built with loops, as the traces build every argument list, not with
  // map: V8 makes map's result with another elements kind once it optimizes the caller, and the
  // optimized code that had seen only one kind (bind, the traces) was deoptimized by it.
  jvp: (primals, tangents, { axis }) => {
    const n = tangents.length;
    let any = false;
    for (let i = 0; i < n; i++) if (tangents[i] !== null) any = true;
    if (!any) return null;
    const parts = new Array<Value>(n);
    for (let i = 0; i < n; i++) parts[i] = tangents[i] ?? np.zeros(shapeOf(primals[i]));
    return np.stackValues("stack", parts, axis);
  },
  vjp: (ct, primals, { axis }, _o, which) => {
    const rank = shapeOf(ct).length;
    return primals.map((_, i) =>
      which[i]
        ? np.slice(ct, ...Array.from({ length: rank }, (_a, k) => (k === axis ? i : ":")))
        : null,
    );
  },
  batch: (args, dims, { axis }, size) => {
    const parts = new Array<Value>(args.length);
    for (let i = 0; i < args.length; i++) parts[i] = materialize(args[i], dims[i], size);
    return [np.stackValues("stack", parts, axis + 1), 0];
  },
  show: (p) => `axis=${p.axis}`,
};
