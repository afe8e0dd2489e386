import * as nd from "@nabla/ndarray";
import { NDArray, sameShape } from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import type { Concrete } from "../core/value.js";
import * as np from "../np/ops.js";
import { addTangents } from "./add.js";
import { elementwiseBatch } from "./batching.js";

/**
 * True for a broadcast 1 with the other operand's shape and dtype (the seed cotangent of a sum
 * spread over its input): multiplying by it is the identity, so no pass over the data is needed.
 */
function isOnes(a: Concrete, b: Concrete): boolean {
  if (!(a instanceof NDArray) || !(b instanceof NDArray) || a.dtype !== b.dtype || a.size === 1)
    return false;
  if (a.data[a.offset] !== 1 || !sameShape(a.shape, b.shape)) return false;
  for (const s of a.strides) if (s !== 0) return false;
  return true;
}

/** `x * y` with broadcasting; bilinear. */
export const multiply: Primitive<undefined> = {
  name: "multiply",
  impl: (args) => {
    const x = args[0];
    const y = args[1];
    return isOnes(x, y) ? y : isOnes(y, x) ? x : nd.multiply(x, y);
  },
  jvp: (p, t) => {
    const tx = t[0];
    const ty = t[1];
    const a = tx === null ? null : np.multiply(tx, p[1]);
    const b = ty === null ? null : np.multiply(p[0], ty);
    return addTangents(a, b);
  },
  vjp: (ct, p, _p, _o, which) => [
    which[0] ? np.multiply(ct, p[1]) : null,
    which[1] ? np.multiply(p[0], ct) : null,
  ],
  batch: elementwiseBatch,
};
