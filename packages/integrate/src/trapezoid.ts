import { type ArrayLike, add, divide, multiply, type NDArray, subtract, sum } from "@nabla/ndarray";
import {
  along,
  alongAxis,
  lengthError,
  type SampledOptions,
  sampledArgs,
  scalarOrArray,
} from "./internal/sampled.js";

/** Options of {@link trapezoid}. */
export interface TrapezoidOptions {
  /** Sample points (1-D along `axis`, or broadcastable to y). Default: spacing `dx`. */
  x?: ArrayLike;
  /** Spacing of the samples when `x` is not given. Default 1. */
  dx?: number;
  /** Axis to integrate along. Default -1. */
  axis?: number;
}

/**
 * Integrates sampled `y` along `axis` with the composite trapezoidal rule, as
 * scipy.integrate.trapezoid: `sum(d * (y[1:] + y[:-1]) / 2)` with `d` the spacing. `x` may be
 * passed positionally or in the options. Returns a number for 1-D `y`, an NDArray otherwise.
 *
 * @example
 * trapezoid([1, 2, 3]);                 // 4
 * trapezoid([1, 2, 3], [4, 6, 8]);      // 8
 * trapezoid([1, 4, 9, 16], { dx: 0.5 }); // 10.75
 * trapezoid([[0, 1, 2], [3, 4, 5]], { axis: 0 }); // array([1.5, 2.5, 3.5])
 */
export function trapezoid(
  y: ArrayLike,
  x?: ArrayLike | TrapezoidOptions,
  options?: TrapezoidOptions,
): number | NDArray {
  const a = sampledArgs<SampledOptions>("trapezoid", y, x, options, ["x", "dx", "axis"]);
  const { y: ya, axis } = a;
  const n = ya.shape[axis];
  let d: number | NDArray = a.dx;
  if (a.x !== undefined) {
    if (a.x.ndim === 1) {
      if (a.x.shape[0] !== n) throw lengthError("trapezoid", a.x.shape[0], n, axis);
      d = alongAxis(subtract(a.x.slice("1:"), a.x.slice(":-1")), axis, ya.ndim);
    } else {
      const xb = a.x.broadcastTo(ya.shape);
      d = subtract(along(xb, axis, "1:"), along(xb, axis, ":-1"));
    }
  }
  const terms = divide(multiply(d, add(along(ya, axis, "1:"), along(ya, axis, ":-1"))), 2);
  return scalarOrArray(sum(terms, { axis }));
}
