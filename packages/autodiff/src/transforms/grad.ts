import { checkOptions } from "@nabla/ndarray";
import type { AnyFunction } from "./types.js";
import { type GradOptions, gradCore } from "./valueAndGrad.js";

/**
 * The gradient of a scalar function, by reverse mode (jax's `grad`). The gradient has the
 * structure of the differentiated argument(s); a scalar is a JS number. Arguments must be floats:
 * numbers, float NDArrays, or arrays/objects of them; `hasAux` returns `[grad, aux]`.
 * @example
 * const dfdx = grad((x) => np.power(x, 2));
 * dfdx(10); // 20
 */
export function grad(f: AnyFunction, options?: GradOptions): AnyFunction {
  checkOptions("grad", options, ["argnums", "hasAux"]);
  return (...args: unknown[]) => {
    const [, grads, aux] = gradCore("grad", f, options, args);
    return options?.hasAux ? [grads, aux] : grads;
  };
}
