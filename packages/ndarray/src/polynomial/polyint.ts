import { toNDArray } from "../creation.js";
import { rangeError } from "../errors.js";
import { viewFloat64, wrap } from "../linalg/stack.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { coefficients } from "./coefficients.js";

/**
 * The m-th antiderivative of a polynomial (coefficients highest power first), numpy's
 * `polyint`. `k` gives the integration constants: one number (used for every step) or `m`
 * numbers, `k[0]` for the first integration (it ends up on the highest of the new low-order
 * terms); default zeros.
 *
 * @example
 * polyint([1, 1, 1]);         // array([0.33333333, 0.5       , 1.        , 0.        ])
 * polyint([3, 2, 1], 1, 5);   // array([1., 1., 1., 5.])
 * polyint([1], 2, [1, 2]);    // array([0.5, 1. , 2. ])
 */
export function polyint(p: ArrayLike, m = 1, k?: ArrayLike): NDArray {
  if (!Number.isInteger(m) || m < 0) {
    throw rangeError(
      `polyint: Order of integral must be positive (see polyder); m must be an integer >= 0, got ${m}.`,
    );
  }
  let ks: Float64Array;
  if (k === undefined) ks = new Float64Array(m);
  else {
    ks = Float64Array.from(viewFloat64(toNDArray("polyint", k).ravel()));
    if (ks.length === 1 && m > 1) ks = new Float64Array(m).fill(ks[0]);
    if (ks.length < m) {
      throw rangeError(
        `polyint: k must be a scalar or a rank-1 array of length 1 or >m; got ${ks.length} constants for m = ${m}.`,
      );
    }
  }
  let c = Float64Array.from(coefficients("polyint", toNDArray("polyint", p)));
  for (let step = 0; step < m; step++) {
    const n = c.length;
    const next = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) next[i] = c[i] / (n - i);
    next[n] = ks[step];
    c = next;
  }
  return wrap(c, [c.length]);
}
