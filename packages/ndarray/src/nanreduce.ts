import { divide } from "./arithmetic.js";
import { toNDArray } from "./creation.js";
import { isFloat } from "./dtype.js";
import { rangeError } from "./errors.js";
import { applyUnary } from "./internal/elementwise.js";
import { fmaxReducer, fminReducer } from "./internal/reduction.js";
import type { ArrayLike, NDArray } from "./ndarray.js";
import {
  type ArgOptions,
  all,
  argmax,
  argmin,
  extreme,
  prod,
  type ReduceOptions,
  type ReduceResult,
  type SumOptions,
  sum,
  type VarOptions,
} from "./reduce.js";

// numpy's nan-functions replace NaN by the identity and reuse the plain reduction, so they
// share its pairwise summation and give numpy's bits.

function replaceNaN(fn: string, a: ArrayLike, value: number): [NDArray, NDArray | null] {
  const x = toNDArray(fn, a);
  if (!isFloat(x.dtype)) return [x, null];
  const mask = applyUnary(x, "bool", (d, o, s, out, oo, n) => {
    for (let i = 0; i < n; i++) out[oo + i] = Number.isNaN(d[o + i * s]) ? 1 : 0;
  });
  const clean = applyUnary(x, x.dtype, (d, o, s, out, oo, n) => {
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      out[oo + i] = Number.isNaN(v) ? value : v;
    }
  });
  return [clean, mask];
}

/** Number of non-NaN elements over the reduction, as float64 (a number for full reductions). */
function counts(
  x: NDArray,
  mask: NDArray | null,
  options: ReduceOptions | undefined,
): number | NDArray {
  const o = { axis: options?.axis, keepdims: options?.keepdims, dtype: "float64" as const };
  if (mask === null)
    return sum(
      applyUnary(x, "float64", (_d, _o, _s, out, oo, n) => out.fill(1, oo, oo + n)),
      o,
    );
  return sum(
    applyUnary(mask, "float64", (d, o2, s, out, oo, n) => {
      for (let i = 0; i < n; i++) out[oo + i] = d[o2 + i * s] === 0 ? 1 : 0;
    }),
    o,
  );
}

function div(a: number | NDArray, b: number | NDArray): number | NDArray {
  return typeof a === "number" && typeof b === "number" ? a / b : divide(a, b);
}

/**
 * Sum treating NaN as zero (numpy's `nansum`); all-NaN or empty sums are 0.
 * @example
 * nansum([1, NaN, 3]); // 4
 */
export function nansum<const O extends SumOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return sum(replaceNaN("nansum", a, 0)[0], options) as ReduceResult<O>;
}

/**
 * Product treating NaN as one (numpy's `nanprod`).
 * @example
 * nanprod([2, NaN, 3]); // 6
 */
export function nanprod<const O extends SumOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return prod(replaceNaN("nanprod", a, 1)[0], options) as ReduceResult<O>;
}

/**
 * Mean of the non-NaN elements (numpy's `nanmean`); an all-NaN lane gives NaN.
 * @example
 * nanmean([1, NaN, 3]);                     // 2
 * nanmean([[1, NaN], [3, 4]], { axis: 0 }); // array([2., 4.])
 */
export function nanmean<const O extends SumOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  const [clean, mask] = replaceNaN("nanmean", a, 0);
  const total = sum(clean, {
    ...options,
    dtype: options?.dtype ?? (clean.dtype === "float32" ? "float32" : "float64"),
  });
  return div(total, counts(clean, mask, options)) as ReduceResult<O>;
}

function nanVariance(fn: string, a: ArrayLike, options: VarOptions | undefined): number | NDArray {
  const [clean, mask] = replaceNaN(fn, a, 0);
  const ddof = options?.ddof ?? 0;
  const reduce = { axis: options?.axis, keepdims: options?.keepdims };
  const keep = { axis: options?.axis, keepdims: true };
  // numpy's nanvar: mean of the non-NaN values, squared deviations with NaN positions zeroed,
  // their sum over (count - ddof); a non-positive divisor gives NaN.
  const avg = divide(sum(clean, keep), counts(clean, mask, keep) as NDArray);
  const dev = clean.sub(avg);
  const sq = dev.mul(dev);
  if (mask !== null) {
    const m = mask.toTypedArray();
    const d = sq.data;
    for (let i = 0; i < d.length; i++) if (m[i] !== 0) d[i] = 0;
  }
  const total = sum(sq, reduce);
  const cnt = counts(clean, mask, reduce);
  if (typeof total === "number" && typeof cnt === "number")
    return cnt - ddof > 0 ? total / (cnt - ddof) : Number.NaN;
  const t = total as NDArray;
  const c = (cnt as NDArray).toTypedArray();
  const out = t.astype("float64");
  const od = out.data;
  for (let i = 0; i < od.length; i++) od[i] = c[i] - ddof > 0 ? od[i] / (c[i] - ddof) : Number.NaN;
  return out;
}

/**
 * Variance of the non-NaN elements (numpy's `nanvar`, with `ddof`); lanes with no more than
 * `ddof` values give NaN.
 * @example
 * nanvar([1, NaN, 3]); // 1
 */
export function nanvar<const O extends VarOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return nanVariance("nanvar", a, options) as ReduceResult<O>;
}

/**
 * Standard deviation of the non-NaN elements (numpy's `nanstd`).
 * @example
 * nanstd([1, NaN, 3]); // 1
 */
export function nanstd<const O extends VarOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  const v = nanVariance("nanstd", a, options);
  if (typeof v === "number") return Math.sqrt(v) as ReduceResult<O>;
  const d = v.data;
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]);
  return v as ReduceResult<O>;
}

/**
 * Largest non-NaN element (numpy's `nanmax`); an all-NaN lane gives NaN.
 * @example
 * nanmax([1, NaN, 3]); // 3
 */
export function nanmax<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return extreme("nanmax", "fmax", a, options, fmaxReducer) as ReduceResult<O>;
}

/**
 * Smallest non-NaN element (numpy's `nanmin`); an all-NaN lane gives NaN.
 * @example
 * nanmin([1, NaN, 3]); // 1
 */
export function nanmin<const O extends ReduceOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return extreme("nanmin", "fmin", a, options, fminReducer) as ReduceResult<O>;
}

function nanArg(
  fn: string,
  a: ArrayLike,
  options: ArgOptions | undefined,
  largest: boolean,
): number | NDArray {
  const [clean, mask] = replaceNaN(
    fn,
    a,
    largest ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  );
  if (mask !== null && mask.size > 0) {
    const allNaN = all(mask, { axis: options?.axis ?? null, keepdims: true }) as NDArray;
    if (allNaN.toTypedArray().some((v) => v !== 0))
      throw rangeError(`${fn}: All-NaN slice encountered.`);
  }
  return largest ? argmax(clean, options) : argmin(clean, options);
}

/**
 * Index of the largest non-NaN element (numpy's `nanargmax`); an all-NaN lane throws.
 * @example
 * nanargmax([1, NaN, 3]); // 2
 */
export function nanargmax<const O extends ArgOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return nanArg("nanargmax", a, options, true) as ReduceResult<O>;
}

/**
 * Index of the smallest non-NaN element (numpy's `nanargmin`); an all-NaN lane throws.
 * @example
 * nanargmin([NaN, 4, 3]); // 2
 */
export function nanargmin<const O extends ArgOptions = Record<never, never>>(
  a: ArrayLike,
  options?: O,
): ReduceResult<O> {
  return nanArg("nanargmin", a, options, false) as ReduceResult<O>;
}
