import { toNDArray } from "./creation.js";
import { floatOf } from "./dtype.js";
import { rangeError } from "./errors.js";
import { applyUnary, type UnaryLoop } from "./internal/elementwise.js";
import { checkOptions } from "./internal/shape.js";
import { roundHalfEven } from "./math.js";
import type { ArrayLike, NDArray } from "./ndarray.js";

const negLoop: UnaryLoop = (x, xo, xs, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = -x[xo + i * xs];
};
const absLoop: UnaryLoop = (x, xo, xs, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = Math.abs(x[xo + i * xs]);
};
const signLoop: UnaryLoop = (x, xo, xs, o, oo, n) => {
  for (let i = 0; i < n; i++) {
    const v = x[xo + i * xs];
    o[oo + i] = v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v;
  }
};

/**
 * `-x`, elementwise.
 * @example
 * negative([1, -2]); // array([-1.,  2.])
 */
export function negative(a: ArrayLike): NDArray {
  const x = toNDArray("negative", a);
  const dtype = x.dtype === "bool" ? "int32" : x.dtype;
  return applyUnary(x, dtype, negLoop, dtype);
}

/**
 * Absolute value, elementwise (keeps integer dtypes).
 * @example
 * abs([-1.5, 2]); // array([1.5, 2. ])
 */
export function abs(a: ArrayLike): NDArray {
  const x = toNDArray("abs", a);
  const dtype = x.dtype === "bool" ? "int32" : x.dtype;
  return applyUnary(x, dtype, absLoop, dtype);
}

/**
 * -1, 0 or 1 by the sign of x (NaN stays NaN, `sign(-0)` is `0`, as numpy).
 * @example
 * sign([-3, 0, 2]); // array([-1.,  0.,  1.])
 */
export function sign(a: ArrayLike): NDArray {
  const x = toNDArray("sign", a);
  const dtype = x.dtype === "bool" ? "int32" : x.dtype;
  return applyUnary(x, dtype, signLoop, dtype);
}

/**
 * Rounds to `decimals` places, ties to even, as numpy (`round(2.5)` is 2): scales by
 * `10**decimals`, rounds, and scales back.
 * @example
 * round([0.5, 1.5, 2.675], { decimals: 0 }); // array([0., 2., 3.])
 * round([1.2345], { decimals: 2 });          // array([1.23])
 */
export function round(a: ArrayLike, options?: { decimals?: number }): NDArray {
  checkOptions("round", options, ["decimals"]);
  const decimals = options?.decimals ?? 0;
  if (!Number.isInteger(decimals))
    throw rangeError(`round: decimals must be an integer, got ${decimals}.`);
  const x = toNDArray("round", a);
  if (x.dtype === "int32" || x.dtype === "bool") return x.astype("int32");
  if (decimals === 0)
    return applyUnary(x, floatOf(x.dtype), (d, xo, xs, o, oo, n) => {
      for (let i = 0; i < n; i++) o[oo + i] = roundHalfEven(d[xo + i * xs]);
    });
  const scale = 10 ** Math.abs(decimals);
  return applyUnary(x, floatOf(x.dtype), (d, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) {
      const v = d[xo + i * xs];
      o[oo + i] =
        decimals > 0 ? roundHalfEven(v * scale) / scale : roundHalfEven(v / scale) * scale;
    }
  });
}
