import {
  type ArrayLike,
  add,
  concatenate,
  cumsum,
  diff,
  divide,
  multiply,
  type NDArray,
  rangeError,
  zeros,
} from "@nabla/ndarray";
import {
  along,
  alongAxis,
  lengthError,
  type SampledOptions,
  sampledArgs,
} from "./internal/sampled.js";

/** Options of {@link cumulativeTrapezoid}. */
export interface CumulativeTrapezoidOptions {
  /** Sample points (1-D along `axis`, or with y's number of dimensions). Default: spacing `dx`. */
  x?: ArrayLike;
  /** Spacing of the samples when `x` is not given. Default 1. */
  dx?: number;
  /** Axis to integrate along. Default -1. */
  axis?: number;
  /** `0` prepends a zero so the result has y's shape; absent (scipy's None) gives one fewer. */
  initial?: number | null;
}

/**
 * The running integral of sampled `y` along `axis` by the trapezoidal rule, as
 * scipy.integrate.cumulative_trapezoid. The result has one sample fewer along `axis`, or the
 * same shape as `y` with `initial: 0`. Always an NDArray.
 *
 * @example
 * cumulativeTrapezoid([1, 2, 3]);                 // array([1.5, 4. ])
 * cumulativeTrapezoid([1, 2, 3], { initial: 0 }); // array([0. , 1.5, 4. ])
 * cumulativeTrapezoid([0, 1, 4], [0, 1, 2]);      // array([0.5, 3. ])
 */
export function cumulativeTrapezoid(
  y: ArrayLike,
  x?: ArrayLike | CumulativeTrapezoidOptions,
  options?: CumulativeTrapezoidOptions,
): NDArray {
  const fn = "cumulativeTrapezoid";
  const a = sampledArgs<SampledOptions & { initial?: number | null }>(fn, y, x, options, [
    "x",
    "dx",
    "axis",
    "initial",
  ]);
  const { y: ya, axis } = a;
  const n = ya.shape[axis];
  if (n === 0) throw rangeError(`${fn}: At least one point is required along \`axis\` (${axis}).`);
  const initial = a.options.initial;
  if (initial !== undefined && initial !== null && initial !== 0) {
    throw rangeError(`${fn}: \`initial\` must be \`None\` or \`0\`, got ${String(initial)}.`);
  }
  let d: number | NDArray = a.dx;
  if (a.x !== undefined) {
    if (a.x.ndim === 1) {
      if (a.x.shape[0] !== n) throw lengthError(fn, a.x.shape[0], n, axis);
      d = alongAxis(diff(a.x), axis, ya.ndim);
    } else if (a.x.ndim !== ya.ndim) {
      throw rangeError(
        `${fn}: If given, shape of x must be 1-D or the same as y: x has ${a.x.ndim} dimensions, y has ${ya.ndim}.`,
      );
    } else {
      d = diff(a.x, { axis });
      if (d.shape[axis] !== n - 1) throw lengthError(fn, a.x.shape[axis], n, axis);
    }
  }
  const terms = divide(multiply(d, add(along(ya, axis, "1:"), along(ya, axis, ":-1"))), 2);
  const res = cumsum(terms, { axis });
  if (initial === undefined || initial === null) return res;
  const shape = [...res.shape];
  shape[axis] = 1;
  return concatenate([zeros(shape), res], { axis });
}
