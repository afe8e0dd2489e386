import { checkOptions } from "@nabla/ndarray";
import { type JacobianOptions, jacfwd, type PairFunction } from "./jacfwd.js";
import { jacrev } from "./jacrev.js";
import type {
  AnyFunction,
  AuxOf,
  DiffArgs,
  JacobianOf,
  MainOf,
  Result,
  TraceableOf,
} from "./types.js";

/**
 * What {@link hessian} returns: the Jacobian of the Jacobian, an NDArray of shape
 * output + input + input for array inputs (a number for scalar in and scalar out); with
 * `hasAux`, `[hessian, aux]`.
 * @example
 * const H = hessian((X: Tracer) => np.sum(np.power(X, 3)))(np.array([1, 2])); // H: NDArray, diag([6, 12])
 */
export type HessianFunction<F extends AnyFunction, N = 0, H extends boolean = false> = <
  A extends TraceableOf<Parameters<F>>,
>(
  ...args: A
) => H extends true
  ? [
      Result<A, JacobianOf<JacobianOf<MainOf<ReturnType<F>>, DiffArgs<A, N>>, DiffArgs<A, N>>>,
      Result<A, AuxOf<ReturnType<F>>>,
    ]
  : Result<A, JacobianOf<JacobianOf<ReturnType<F>, DiffArgs<A, N>>, DiffArgs<A, N>>>;

/**
 * The Hessian, `jacfwd(jacrev(f))` (forward over reverse): shape output + input + input.
 * @example
 * hessian((X) => { const [x, y] = X; return np.add(np.power(np.subtract(1, x), 2), np.multiply(100, np.power(np.subtract(y, np.power(x, 2)), 2))); })(np.array([1, 1]));
 * // array([[ 802., -400.], [-400.,  200.]])
 */
export function hessian<F extends PairFunction, const N extends number | readonly number[] = 0>(
  f: F,
  options: JacobianOptions<N, true> & { hasAux: true },
): HessianFunction<F, N, true>;
export function hessian<
  F extends AnyFunction,
  const N extends number | readonly number[] = 0,
  H extends boolean = false,
>(f: F, options?: JacobianOptions<N, H>): HessianFunction<F, N, H>;
export function hessian(f: AnyFunction, options?: JacobianOptions): AnyFunction {
  checkOptions("hessian", options, ["argnums", "hasAux"]);
  return jacfwd(jacrev(f, options) as AnyFunction, options);
}
