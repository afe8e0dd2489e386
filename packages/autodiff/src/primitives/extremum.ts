import type { Primitive } from "../core/primitive.js";
import type { Concrete, Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { addTangents } from "./add.js";
import { elementwiseBatch } from "./batching.js";

/** 1 where x alone attains the extremum z, 0.5 where x and y tie, 0 elsewhere (jax's _balanced_eq). */
function balancedEq(x: Value, z: Value, y: Value): Value {
  return np.where(np.equal(x, z), np.where(np.equal(y, z), 0.5, 1), 0);
}

/**
 * An elementwise binary extremum (maximum, minimum): the derivative goes to the argument that
 * attains the result, shared half and half at ties (jax's rule); it differs only in `impl`.
 */
export function extremum(
  name: string,
  impl: (x: Concrete, y: Concrete) => Concrete,
): Primitive<undefined> {
  return {
    name,
    impl: (a) => impl(a[0], a[1]),
    jvp: ([x, y], [tx, ty], _p, out) => {
      const a = tx === null ? null : np.multiply(tx, balancedEq(x, out, y));
      const b = ty === null ? null : np.multiply(ty, balancedEq(y, out, x));
      return addTangents(a, b);
    },
    vjp: (ct, [x, y], _p, out, which) => [
      which[0] ? np.multiply(ct, balancedEq(x, out, y)) : null,
      which[1] ? np.multiply(ct, balancedEq(y, out, x)) : null,
    ],
    batch: elementwiseBatch,
  };
}
