import {
  type ArrayLike,
  add,
  diff,
  divide,
  multiply,
  type NDArray,
  notEqual,
  rangeError,
  subtract,
  sum,
  where,
  zeros,
} from "@nabla/ndarray";
import {
  along,
  alongAxis,
  lengthError,
  type SampledOptions,
  sampledArgs,
  scalarOrArray,
} from "./internal/sampled.js";

/** Options of {@link simpson}. */
export interface SimpsonOptions {
  /** Sample points (1-D along `axis`, or with y's number of dimensions). Default: spacing `dx`. */
  x?: ArrayLike;
  /** Spacing of the samples when `x` is not given. Default 1. */
  dx?: number;
  /** Axis to integrate along. Default -1. */
  axis?: number;
}

/** a / b where b != 0, else 0 (scipy's apply_where(..., fill_value=0)). */
function safeDivide(a: NDArray | number, b: NDArray | number): NDArray {
  return where(notEqual(b, 0), divide(a, b), 0);
}

/** Composite Simpson over the panels starting at 0, 2, ..., < stop (scipy's _basic_simpson). */
function basicSimpson(
  y: NDArray,
  stop: number,
  x: NDArray | undefined,
  dx: number,
  axis: number,
): NDArray {
  const s0 = `0:${stop}:2`;
  const s1 = `1:${stop + 1}:2`;
  const s2 = `2:${stop + 2}:2`;
  const y0 = along(y, axis, s0);
  const y1 = along(y, axis, s1);
  const y2 = along(y, axis, s2);
  if (x === undefined) {
    const inner = add(add(y0, multiply(4, y1)), y2);
    return multiply(dx / 3, sum(inner, { axis }) as NDArray);
  }
  const h = diff(x, { axis });
  const h0 = along(h, axis, s0);
  const h1 = along(h, axis, s1);
  const hsum = add(h0, h1);
  const hprod = multiply(h0, h1);
  const h0divh1 = safeDivide(h0, h1);
  const t0 = multiply(y0, subtract(2, safeDivide(1, h0divh1)));
  const t1 = multiply(y1, multiply(hsum, safeDivide(hsum, hprod)));
  const t2 = multiply(y2, subtract(2, h0divh1));
  const tmp = multiply(divide(hsum, 6), add(add(t0, t1), t2));
  return sum(tmp, { axis }) as NDArray;
}

/**
 * Integrates sampled `y` along `axis` with the composite Simpson rule, as scipy 1.17's
 * scipy.integrate.simpson: for an odd number of samples, Simpson on every pair of intervals;
 * for an even number, Simpson on all but the last interval plus Cartwright's correction for the
 * last one (two samples: the trapezoid). Uneven `x` spacing is handled exactly as scipy does.
 * Returns a number for 1-D `y`, an NDArray otherwise.
 *
 * @example
 * simpson([1, 2, 3]);                             // 4
 * simpson([0, 1, 4, 9, 16, 25, 36], { dx: 0.5 }); // 36
 * simpson(Array.from({ length: 10 }, (_, i) => i ** 3), Array.from({ length: 10 }, (_, i) => i)); // 1640.5
 */
export function simpson(
  y: ArrayLike,
  x?: ArrayLike | SimpsonOptions,
  options?: SimpsonOptions,
): number | NDArray {
  const a = sampledArgs<SampledOptions>("simpson", y, x, options, ["x", "dx", "axis"]);
  const { y: ya, axis, dx } = a;
  const nd = ya.ndim;
  const n = ya.shape[axis];
  if (n === 0) throw rangeError(`simpson: y must have at least one sample along axis ${axis}.`);
  let xa = a.x;
  if (xa !== undefined) {
    if (xa.ndim === 1) {
      if (xa.shape[0] !== n) throw lengthError("simpson", xa.shape[0], n, axis);
      xa = alongAxis(xa, axis, nd);
    } else if (xa.ndim !== nd) {
      throw rangeError(
        `simpson: If given, shape of x must be 1-D or the same as y: x has ${xa.ndim} dimensions, y has ${nd}.`,
      );
    } else if (xa.shape[axis] !== n) {
      throw lengthError("simpson", xa.shape[axis], n, axis);
    }
  }
  const outShape = ya.shape.filter((_, i) => i !== axis);
  if (n === 1) return scalarOrArray(zeros(outShape));
  if (n % 2 === 1) return scalarOrArray(basicSimpson(ya, n - 2, xa, dx, axis));
  const yLast = along(ya, axis, -1);
  const yPrev = along(ya, axis, -2);
  if (n === 2) {
    const lastDx = xa === undefined ? dx : subtract(along(xa, axis, -1), along(xa, axis, -2));
    return scalarOrArray(multiply(multiply(0.5, lastDx), add(yLast, yPrev)));
  }
  const result = basicSimpson(ya, n - 3, xa, dx, axis);
  let h0: NDArray | number = dx;
  let h1: NDArray | number = dx;
  if (xa !== undefined) {
    const diffs = diff(xa, { axis });
    h0 = along(diffs, axis, -2);
    h1 = along(diffs, axis, -1);
  }
  // Cartwright's correction for the last interval (scipy's formulas, same operation order).
  const h1sq = multiply(h1, h1);
  const h0h1 = multiply(multiply(3, h0), h1);
  const alpha = safeDivide(add(multiply(2, h1sq), h0h1), multiply(6, add(h1, h0)));
  const beta = safeDivide(add(h1sq, h0h1), multiply(6, h0));
  const eta = safeDivide(multiply(h1sq, h1), multiply(multiply(6, h0), add(h0, h1)));
  const yThird = along(ya, axis, -3);
  const correction = subtract(
    add(multiply(alpha, yLast), multiply(beta, yPrev)),
    multiply(eta, yThird),
  );
  return scalarOrArray(add(result, correction));
}
