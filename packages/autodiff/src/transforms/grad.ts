import { checkOptions } from "@nabla/ndarray";
import type { AnyFunction } from "./types.js";
import { type AuxFunction, type GradFunction, type GradOptions, gradCore } from "./valueAndGrad.js";

/**
 * The gradient of a scalar function, by reverse mode (jax's `grad`). The gradient has the
 * structure of the differentiated argument(s); a scalar is a JS number. Arguments must be floats:
 * numbers, float NDArrays, or arrays/objects of them; `hasAux` returns `[grad, aux]`.
 *
 * The returned function is typed from `f`: where `f` takes a `Tracer` it accepts
 * `number | NDArray`, and the gradient has the type of the argument it differentiates
 * (`number` for a number, `NDArray` for an NDArray, the same tree for a pytree; an array of
 * them for an `argnums` array).
 * @example
 * const dfdx = grad((x) => np.power(x, 2));
 * dfdx(10); // 20
 */
export function grad<F extends AuxFunction, const N extends number | readonly number[] = 0>(
  f: F,
  options: GradOptions<N, true> & { hasAux: true },
): GradFunction<F, N, true>;
export function grad<
  F extends AnyFunction,
  const N extends number | readonly number[] = 0,
  H extends boolean = false,
>(f: F, options?: GradOptions<N, H>): GradFunction<F, N, H>;
export function grad(f: AnyFunction, options?: GradOptions): AnyFunction {
  checkOptions("grad", options, ["argnums", "hasAux"]);
  return (...args: unknown[]) => {
    // Indexed, not destructured (the iterator protocol, until V8 optimizes this wrapper).
    const res = gradCore("grad", f, options, args);
    return options?.hasAux ? [res[1], res[2]] : res[1];
  };
}
