import { toNDArray } from "../creation.js";
import { promote, type TypedArray } from "../dtype.js";
import { forEachRow } from "../internal/iterate.js";
import { type ArrayLike, NDArray, type NestedArray } from "../ndarray.js";
import { coefficients } from "./coefficients.js";

/**
 * Evaluates the polynomial with coefficients `p` (highest power first) at `x` by Horner's
 * scheme, numpy's `polyval`. A JS number for a scalar `x`, else an array of `x`'s shape.
 * An empty `p` gives zeros.
 *
 * @example
 * polyval([3, 0, 1], 5);          // 76
 * polyval([1, -3, 2], [0, 1, 2.5]); // array([2.  , 0.  , 0.75])
 */
export function polyval(p: ArrayLike, x: number): number;
export function polyval(p: ArrayLike, x: readonly NestedArray[] | TypedArray): NDArray;
export function polyval(p: ArrayLike, x: ArrayLike): NDArray | number;
export function polyval(p: ArrayLike, x: ArrayLike): NDArray | number {
  const P = toNDArray("polyval", p);
  const c = coefficients("polyval", P);
  const X = toNDArray("polyval", x);
  const out = new Float64Array(X.size);
  const xs = X.data;
  let k = 0;
  forEachRow(X.shape, [X.strides], [X.offset], ([o], n, [s]) => {
    for (let i = 0; i < n; i++) {
      const xi = xs[o + i * s];
      let y = 0;
      for (let j = 0; j < c.length; j++) y = y * xi + c[j];
      out[k++] = y;
    }
  });
  if (X.ndim === 0) return out[0];
  const dtype = promote(P.dtype, X.dtype);
  const result = new NDArray(out, X.shape);
  return dtype === "float64" || dtype === "bool" ? result : result.astype(dtype);
}
