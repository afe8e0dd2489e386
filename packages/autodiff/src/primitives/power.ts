import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import type { Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { addTangents } from "./add.js";
import { elementwiseBatch } from "./batching.js";

/** d(x^y)/dx = y x^(y-1), taken as 0 where y = 0 (jax's rule, so x^0 has no 0*inf). */
function dx(x: Value, y: Value): Value | number {
  if (typeof y === "number") {
    if (y === 0) return 0;
    if (y === 1) return 1;
    if (y === 2) return np.multiply(x, 2);
    return np.multiply(y, np.power(x, y - 1));
  }
  return np.where(np.equal(y, 0), 0, np.multiply(y, np.power(x, np.subtract(y, 1))));
}

/** d(x^y)/dy = log(x) x^y, with log(x) replaced by 0 where x = 0 (as jax). */
function dy(x: Value, out: Value): Value {
  const safe = typeof x === "number" ? (x === 0 ? 1 : x) : np.where(np.equal(x, 0), 1, x);
  return np.multiply(np.log(safe), out);
}

/** `x ** y` with broadcasting. */
export const power: Primitive<undefined> = {
  name: "power",
  impl: (a) => nd.power(a[0], a[1]),
  jvp: (p, t, _p, out) => {
    const x = p[0];
    const y = p[1];
    const tx = t[0];
    const ty = t[1];
    const a = tx === null ? null : np.multiply(tx, dx(x, y));
    const b = ty === null ? null : np.multiply(ty, dy(x, out));
    return addTangents(a, b);
  },
  vjp: (ct, p, _p, out, which) => [
    which[0] ? np.multiply(ct, dx(p[0], p[1])) : null,
    which[1] ? np.multiply(ct, dy(p[0], out)) : null,
  ],
  batch: elementwiseBatch,
};
