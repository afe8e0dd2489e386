import { checkOptions } from "@nabla/ndarray";
import { type JacobianOptions, jacfwd } from "./jacfwd.js";
import { jacrev } from "./jacrev.js";
import type { AnyFunction } from "./types.js";

/**
 * The Hessian, `jacfwd(jacrev(f))` (forward over reverse): shape output + input + input.
 * @example
 * hessian((X) => { const [x, y] = X; return np.add(np.power(np.subtract(1, x), 2), np.multiply(100, np.power(np.subtract(y, np.power(x, 2)), 2))); })(np.array([1, 1]));
 * // array([[ 802., -400.], [-400.,  200.]])
 */
export function hessian(f: AnyFunction, options?: JacobianOptions): AnyFunction {
  checkOptions("hessian", options, ["argnums", "hasAux"]);
  return jacfwd(jacrev(f, options), options);
}
