import { toNDArray } from "../creation.js";
import { rangeError } from "../errors.js";
import { wrap } from "../linalg/stack.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { coefficients } from "./coefficients.js";

/**
 * The m-th derivative of a polynomial (coefficients highest power first), numpy's `polyder`.
 * A constant differentiates to an empty array.
 *
 * @example
 * polyder([1, 1, 1, 1]);    // array([3., 2., 1.])
 * polyder([1, 1, 1, 1], 2); // array([6., 2.])
 */
export function polyder(p: ArrayLike, m = 1): NDArray {
  if (!Number.isInteger(m) || m < 0) {
    throw rangeError(
      `polyder: Order of derivative must be positive (see polyint); m must be an integer >= 0, got ${m}.`,
    );
  }
  let c = Float64Array.from(coefficients("polyder", toNDArray("polyder", p)));
  for (let step = 0; step < m; step++) {
    const n = c.length - 1;
    if (n <= 0) {
      c = new Float64Array(0);
      break;
    }
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = c[i] * (n - i);
    c = d;
  }
  return wrap(c, [c.length]);
}
