import {
  type ArrayLike,
  add,
  divide,
  multiply,
  NDArray,
  rangeError,
  subtract,
  sum,
  typeError,
} from "@nabla/ndarray";
import { along, sampledArgs, scalarOrArray } from "./internal/sampled.js";

/** Options of {@link romb}. */
export interface RombOptions {
  /** Spacing of the samples. Default 1. */
  dx?: number;
  /** Axis to integrate along. Default -1. */
  axis?: number;
}

/**
 * Romberg integration of `2**k + 1` equally spaced samples along `axis`, as
 * scipy.integrate.romb: trapezoid estimates on successively halved spacings combined by
 * Richardson extrapolation. Returns a number for 1-D `y`, an NDArray otherwise.
 *
 * @example
 * romb([1, 2, 3]);                           // 4
 * romb(Array.from({ length: 17 }, (_, i) => Math.exp(i / 16)), { dx: 1 / 16 }); // 1.7182818284590784 (e - 1)
 * romb([[1, 2, 3], [4, 5, 6]]);              // array([ 4., 10.])
 */
export function romb(y: ArrayLike, options?: RombOptions): number | NDArray {
  if (Array.isArray(options) || options instanceof NDArray || ArrayBuffer.isView(options)) {
    throw typeError(
      "romb: the second argument is the options object { dx, axis }; romb takes no x.",
    );
  }
  const a = sampledArgs<RombOptions>("romb", y, options, undefined, ["dx", "axis"]);
  const { y: ya, axis, dx } = a;
  const nsamps = ya.shape[axis];
  const ninterv = nsamps - 1;
  let n = 1;
  let k = 0;
  while (n < ninterv) {
    n <<= 1;
    k++;
  }
  if (n !== ninterv) {
    throw rangeError(
      `romb: Number of samples must be one plus a non-negative power of 2, got ${nsamps} along axis ${axis}.`,
    );
  }
  let h = ninterv * dx;
  // R[i][j]: row i of the Romberg table.
  const R: (NDArray | number)[][] = [
    [multiply(divide(add(along(ya, axis, 0), along(ya, axis, -1)), 2), h)],
  ];
  let start = ninterv;
  let step = ninterv;
  const stop = ninterv;
  for (let i = 1; i <= k; i++) {
    start >>= 1;
    const samples = sum(along(ya, axis, `${start}:${stop}:${step}`), { axis }) as NDArray;
    step >>= 1;
    const row: (NDArray | number)[] = [multiply(0.5, add(R[i - 1][0], multiply(h, samples)))];
    for (let j = 1; j <= i; j++) {
      const prev = row[j - 1];
      row.push(add(prev, divide(subtract(prev, R[i - 1][j - 1]), (1 << (2 * j)) - 1)));
    }
    R.push(row);
    h /= 2;
  }
  return scalarOrArray(R[k][k]);
}
