import { subtract } from "./arithmetic.js";
import { notEqual } from "./compare.js";
import { toNDArray } from "./creation.js";
import { rangeError, typeError } from "./errors.js";
import { checkOptions, normalizeAxis } from "./internal/shape.js";
import { concatenate } from "./join.js";
import type { ArrayLike, NDArray, SliceSpec } from "./ndarray.js";

/** Options of `diff`. */
export interface DiffOptions {
  /** Number of times to difference (default 1; 0 returns the input). */
  n?: number;
  /** Axis along which to difference (default -1, the last). */
  axis?: number;
  /** Values joined before `a` along `axis` first (a scalar is repeated across the other axes). */
  prepend?: ArrayLike;
  /** Values joined after `a` along `axis` first. */
  append?: ArrayLike;
}

/**
 * The n-th discrete difference along `axis`: `out[i] = a[i+1] - a[i]`, applied `n` times; the
 * axis shrinks by `n` (bool arrays use `!=`, as numpy).
 * @example
 * diff([1, 2, 4, 7, 0]);                  // array([ 1.,  2.,  3., -7.])
 * diff([1, 2, 4, 7, 0], { n: 2 });        // array([  1.,   1., -10.])
 * diff([[1, 3, 6], [0, 5, 6]], { axis: 0 }); // array([[-1.,  2.,  0.]])
 */
export function diff(a: ArrayLike, options?: DiffOptions): NDArray {
  checkOptions("diff", options, ["n", "axis", "prepend", "append"]);
  const n = options?.n ?? 1;
  if (typeof n !== "number" || !Number.isInteger(n))
    throw typeError(`diff: n must be an integer, got ${String(n)}.`);
  if (n < 0) throw rangeError(`diff: order must be non-negative but got ${n}.`);
  let x = toNDArray("diff", a);
  if (x.ndim === 0) throw rangeError("diff: diff requires input that is at least one dimensional.");
  const axis = normalizeAxis("diff", options?.axis ?? -1, x.ndim);
  if (n === 0) return x;
  const edge = (v: ArrayLike): NDArray => {
    const e = toNDArray("diff", v);
    if (e.ndim > 0) return e;
    return e.broadcastTo(x.shape.map((len, i) => (i === axis ? 1 : len)));
  };
  if (options?.prepend !== undefined || options?.append !== undefined) {
    const parts: NDArray[] = [];
    if (options.prepend !== undefined) parts.push(edge(options.prepend));
    parts.push(x);
    if (options.append !== undefined) parts.push(edge(options.append));
    x = concatenate(parts, { axis });
  }
  const head: SliceSpec[] = x.shape.map(() => ":");
  const tail: SliceSpec[] = x.shape.map(() => ":");
  head[axis] = "1:";
  tail[axis] = ":-1";
  for (let k = 0; k < n; k++) {
    x =
      x.dtype === "bool"
        ? notEqual(x.slice(...head), x.slice(...tail))
        : subtract(x.slice(...head), x.slice(...tail));
  }
  return x;
}
