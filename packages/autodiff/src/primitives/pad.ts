import { asarray, concatenate, NDArray, zeros } from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf } from "../core/value.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

export interface PadParams {
  axis: number;
  before: number;
  after: number;
}

/** Zeros before and after along one axis (the transpose of slicing); linear. */
export const pad: Primitive<PadParams> = {
  name: "pad",
  impl: ([v], { axis, before, after }) => {
    const x = v instanceof NDArray ? v : asarray(v);
    if (before === 0 && after === 0) return x;
    const parts: NDArray[] = [];
    const block = (n: number) =>
      zeros(
        x.shape.map((m, i) => (i === axis ? n : m)),
        { dtype: x.dtype },
      );
    if (before > 0) parts.push(block(before));
    parts.push(x);
    if (after > 0) parts.push(block(after));
    return concatenate(parts, { axis });
  },
  jvp: (_p, [t], params) =>
    t === null ? null : np.pad1(t, params.axis, params.before, params.after),
  vjp: (ct, [x], { axis, before }) => {
    const n = shapeOf(x)[axis];
    return [
      np.slice(ct, ...shapeOf(ct).map((_, i) => (i === axis ? `${before}:${before + n}` : ":"))),
    ];
  },
  batch: ([x], [d], { axis, before, after }) => [
    np.pad1(moveToFront(x, d as number), axis + 1, before, after),
    0,
  ],
  show: (p) => `axis=${p.axis} before=${p.before} after=${p.after}`,
};
