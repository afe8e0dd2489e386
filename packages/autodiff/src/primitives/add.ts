import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import type { Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/** The sum of two tangents or cotangents, `null` being a symbolic zero (jax's add_tangents). */
export function addTangents(a: Value | null, b: Value | null): Value | null {
  return a === null ? b : b === null ? a : np.add(a, b);
}

/** `x + y` with broadcasting; linear in both. */
export const add: Primitive<undefined> = {
  name: "add",
  impl: (a) => nd.add(a[0], a[1]),
  jvp: (_p, t) => addTangents(t[0], t[1]),
  vjp: (ct) => [ct, ct],
  batch: elementwiseBatch,
};
