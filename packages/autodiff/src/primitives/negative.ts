import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** `-x`, elementwise; linear. */
export const negative: Primitive<undefined> = {
  name: "negative",
  impl: (a) => nd.negative(a[0]),
  jvp: (_x, t) => (t[0] === null ? null : np.negative(t[0])),
  vjp: (ct) => [np.negative(ct)],
  batch: elementwiseBatch,
};
