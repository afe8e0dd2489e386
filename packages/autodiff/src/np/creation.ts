import type { DType, NDArray } from "@nabla/ndarray";
import * as nd from "@nabla/ndarray";
import type { Operand } from "../core/tracer.js";
import { Tracer } from "../core/tracer.js";
import { dtypeOf, shapeOf } from "../core/value.js";
import { concreteArg, toValue } from "./convert.js";
import { astype } from "./shape.js";

export {
  arange,
  empty,
  eye,
  full,
  identity,
  linspace,
  logspace,
  ones,
  zeros,
} from "@nabla/ndarray";

/**
 * An array from nested JS arrays of numbers and tracers (stacked, so derivatives flow through
 * it, as `jnp.array([x**2 * y, 5 * x + jnp.sin(y)])`), or from an NDArray/number (copied).
 * @example
 * jacfwd((X) => { const [x, y] = X; return np.array([x.mul(y), np.sin(y)]); })(np.array([1, 2]));
 */
export function array<A extends Operand>(
  x: A,
  options?: { dtype?: DType },
): A extends Tracer ? Tracer : NDArray {
  type R = A extends Tracer ? Tracer : NDArray;
  const v = toValue("array", x);
  if (v instanceof Tracer) return (options?.dtype ? astype(v, options.dtype) : v) as R;
  if (v === x) return nd.array(v as number | NDArray, options) as R;
  return (options?.dtype ? nd.asarray(v, options) : v) as R;
}

/**
 * Like `array` but without copying an NDArray that already has the dtype.
 * @example np.asarray([1, 2]).dtype; // "float64"
 */
export function asarray<A extends Operand>(
  x: A,
  options?: { dtype?: DType },
): A extends Tracer ? Tracer : NDArray {
  type R = A extends Tracer ? Tracer : NDArray;
  const v = toValue("asarray", x);
  if (v instanceof Tracer) return (options?.dtype ? astype(v, options.dtype) : v) as R;
  return nd.asarray(v, options) as R;
}

/**
 * Zeros with the shape and dtype of `x` (a constant, also for a tracer).
 * @example np.zerosLike(np.array([1, 2])); // array([0., 0.])
 */
export function zerosLike(x: Operand): NDArray {
  const v = toValue("zerosLike", x);
  return nd.zeros(shapeOf(v), { dtype: dtypeOf(v) });
}

/**
 * Ones with the shape and dtype of `x` (a constant, also for a tracer).
 * @example np.onesLike(np.array([1, 2])); // array([1., 1.])
 */
export function onesLike(x: Operand): NDArray {
  const v = toValue("onesLike", x);
  return nd.ones(shapeOf(v), { dtype: dtypeOf(v) });
}

/**
 * `value` with the shape and dtype of `x` (a constant).
 * @example np.fullLike(np.array([1, 2]), 7); // array([7., 7.])
 */
export function fullLike(x: Operand, value: number): NDArray {
  const v = toValue("fullLike", x);
  return nd.full(shapeOf(v), value, { dtype: dtypeOf(v) });
}

const COMPARES = "compares concrete values; it cannot be used on a value batched by vmap.";

/**
 * numpy's `allclose` on concrete values (tracers inside grad/jacfwd compare their values).
 * @example np.allclose(np.array([1, 2]), np.array([1, 2 + 1e-12])); // true
 */
export function allclose(a: Operand, b: Operand, options?: nd.IscloseOptions): boolean {
  return nd.allclose(
    concreteArg("allclose", a, COMPARES),
    concreteArg("allclose", b, COMPARES),
    options,
  );
}

/**
 * numpy's `isclose` on concrete values.
 * @example np.isclose(np.array([1, 2]), 1); // array([ True, False])
 */
export function isclose(a: Operand, b: Operand, options?: nd.IscloseOptions): NDArray {
  return nd.isclose(
    concreteArg("isclose", a, COMPARES),
    concreteArg("isclose", b, COMPARES),
    options,
  );
}
