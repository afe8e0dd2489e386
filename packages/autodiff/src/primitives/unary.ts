import type { Primitive } from "../core/primitive.js";
import type { Concrete, Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { elementwiseBatch } from "./batching.js";

/**
 * An elementwise primitive of one argument whose derivative is `deriv(x, out)` (jax's `defjvp`
 * for a unary op): JVP `t * deriv`, VJP `ct * deriv`. `deriv` null means the derivative is zero
 * almost everywhere (floor, sign, ...).
 */
export function unary(
  name: string,
  impl: (x: Concrete) => Concrete,
  deriv: ((x: Value, out: Value) => Value) | null,
): Primitive<undefined> {
  return {
    name,
    impl: (args) => impl(args[0]),
    jvp: (p, t, _p, out) =>
      deriv === null || t[0] === null ? null : np.multiply(t[0], deriv(p[0], out)),
    vjp: (ct, p, _p, out) => [deriv === null ? null : np.multiply(ct, deriv(p[0], out))],
    batch: elementwiseBatch,
  };
}
