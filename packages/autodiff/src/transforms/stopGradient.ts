import { bind } from "../core/bind.js";
import { mapTree } from "../core/pytree.js";
import { primitives as P } from "../primitives/index.js";

/**
 * The identity, but with a zero derivative: every transform treats the result as a constant.
 * Works on a value or a pytree of values.
 * @example
 * grad((x) => np.multiply(x, stopGradient(x)))(3); // 3
 */
export function stopGradient<T>(x: T): T {
  return mapTree("stopGradient", x, (leaf) => bind(P.stopGradient, [leaf], undefined)) as T;
}
