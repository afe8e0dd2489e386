// Conversions at the public boundary: points in, values out, y data as rows.
import {
  type ArrayLike,
  asarray,
  NDArray,
  normalizeAxis,
  rangeError,
  typeError,
} from "@nabla/ndarray";

/** Points to evaluate at, flattened (shared with the caller's buffer when possible; never written). */
export interface Points {
  data: Float64Array;
  shape: number[];
  scalar: boolean;
}

export function toPoints(fn: string, x: ArrayLike): Points {
  if (typeof x === "number") {
    const data = new Float64Array(1);
    data[0] = x;
    return { data, shape: [], scalar: true };
  }
  if (x instanceof Float64Array) return { data: x, shape: [x.length], scalar: false };
  const a = toArray(fn, "x", x);
  return { data: a.toTypedArray() as Float64Array, shape: [...a.shape], scalar: a.ndim === 0 };
}

/** Any ArrayLike as a float64 NDArray, with an error naming the caller. */
export function toArray(fn: string, name: string, v: ArrayLike): NDArray {
  if (v === null || v === undefined || typeof v === "string") {
    throw typeError(
      `${fn}: ${name} must be a number, an array of numbers, a typed array or an NDArray, got ${v === null ? "null" : typeof v}.`,
    );
  }
  return asarray(v, { dtype: "float64" });
}

/**
 * The common case without conversions: a 1-D float64 NDArray with unit stride, a Float64Array,
 * or a flat array of numbers, as a Float64Array. `shared` says whether it is the caller's memory
 * (never write to it). Anything else gives null and goes through `asarray`.
 */
export function flatView(v: unknown): { data: Float64Array; shared: boolean } | null {
  if (v instanceof Float64Array) return { data: v, shared: true };
  if (v instanceof NDArray) {
    if (v.ndim !== 1 || v.dtype !== "float64" || (v.strides[0] !== 1 && v.shape[0] > 1))
      return null;
    return {
      data: (v.data as Float64Array).subarray(v.offset, v.offset + v.shape[0]),
      shared: true,
    };
  }
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const e = v[i];
      if (typeof e !== "number") return null;
      out[i] = e;
    }
    return { data: out, shared: false };
  }
  return null;
}

/**
 * The values of a 1-D `a` in a Float64Array the caller may keep: `flat`, flatView's answer for the
 * input `a` came from, when it is not shared; else a copy.
 */
export function ownValues(
  flat: { data: Float64Array; shared: boolean } | null,
  a: NDArray,
): Float64Array {
  if (flat) return flat.shared ? flat.data.slice() : flat.data;
  return Float64Array.from(a.toTypedArray());
}

/** A 1-D float64 copy of `v`. */
export function toVector(fn: string, name: string, v: ArrayLike, message?: string): Float64Array {
  const a = toArray(fn, name, v);
  if (a.ndim !== 1)
    throw rangeError(
      `${fn}: ${message ?? `\`${name}\` must be 1-dimensional.`} Got shape ${pyShape(a.shape)}.`,
    );
  return Float64Array.from(a.toTypedArray());
}

/** y with the interpolation axis moved first, as a contiguous (n, r) block of rows. */
export interface Rows {
  data: Float64Array;
  n: number;
  r: number;
  /** y.shape without the interpolation axis. */
  trailing: number[];
  axis: number;
}

/** `copy: false` may return a view of the caller's data (for read-only temporaries). */
export function toRows(fn: string, y: ArrayLike | NDArray, axis: number, copy = true): Rows {
  if (axis === 0 || axis === -1) {
    const flat = flatView(y);
    if (flat) {
      const data = copy && flat.shared ? flat.data.slice() : flat.data;
      return { data, n: data.length, r: 1, trailing: [], axis: 0 };
    }
  }
  const a = toArray(fn, "y", y);
  if (a.ndim === 0)
    throw rangeError(`${fn}: the y array must have at least one dimension, got a scalar.`);
  const ax = normalizeAxis(fn, axis, a.ndim);
  const view = a.moveaxis(ax, 0);
  const moved = !copy && view.isContiguous ? view : view.astype("float64");
  const trailing = moved.shape.slice(1);
  const n = moved.shape[0];
  let r = 1;
  for (const d of trailing) r *= d;
  return { data: moved.toTypedArray() as Float64Array, n, r, trailing, axis: ax };
}

/**
 * Values computed as (points, r) rows, reshaped to `x.shape + trailing` and with the point axes
 * moved to the interpolation axis: `y.shape[:axis] + x.shape + y.shape[axis+1:]`. A scalar point
 * with scalar values gives a number.
 */
export function finish(
  out: Float64Array,
  points: Points,
  trailing: readonly number[],
  axis: number,
): number | NDArray {
  if (points.scalar && trailing.length === 0) return out[0];
  const nx = points.shape.length;
  const result = new NDArray(out, [...points.shape, ...trailing]);
  if (axis === 0 || nx === 0) return result;
  const ny = trailing.length;
  const perm: number[] = [];
  for (let i = nx; i < nx + axis; i++) perm.push(i);
  for (let i = 0; i < nx; i++) perm.push(i);
  for (let i = nx + axis; i < nx + ny; i++) perm.push(i);
  return result.transpose(perm).copy();
}

// The checks on sample points and values. They differ in what a NaN does, and each name says it.

/** The first index of a NaN or an infinity in `v`, or -1. */
export function firstNonFinite(v: Float64Array): number {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return i;
  return -1;
}

/** Whether `v` has no NaN and no infinity: one pass without branches, for the valid case. */
export function allFinite(v: Float64Array): boolean {
  // v - v is 0 for a finite v and NaN otherwise, and NaN survives the sum
  let acc = 0;
  for (let i = 0; i < v.length; i++) acc += v[i] - v[i];
  return acc === 0;
}

/** Whether `v` has a NaN (an infinity is not one). */
export function hasNaN(v: Float64Array): boolean {
  // a NaN makes the sum NaN, so one test at the end; a NaN sum without a NaN value (opposite
  // infinities) is settled by the exact pass
  let acc = 0;
  for (let i = 0; i < v.length; i++) acc += v[i];
  if (!Number.isNaN(acc)) return false;
  for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i])) return true;
  return false;
}

/** The first `i` with `x[i]` not above `x[i - 1]` (equal, below, or either NaN), or -1. */
export function firstNotIncreasing(x: Float64Array): number {
  for (let i = 1; i < x.length; i++) if (!(x[i] - x[i - 1] > 0)) return i;
  return -1;
}

/** Strictly increasing with finite ends, hence finite throughout (a NaN fails every comparison). */
export function increasingFinite(x: Float64Array): boolean {
  const n = x.length;
  return Number.isFinite(x[0]) && Number.isFinite(x[n - 1]) && firstNotIncreasing(x) < 0;
}

/** Whether `x` never decreases; a NaN (among 2+ points) fails. */
export function nondecreasingNoNaN(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (!(x[i] >= x[i - 1])) return false;
  return true;
}

/**
 * make_interp_spline's checks on x, which a NaN passes (its comparisons are all false): no value
 * repeats its predecessor (over all of x first), then none is below it.
 */
export function checkIncreasingNaNPasses(fn: string, x: Float64Array): void {
  const n = x.length;
  // one pass for the common case; the exact messages below
  let i = 1;
  while (i < n && x[i] > x[i - 1]) i++;
  if (i >= n) return;
  for (i = 1; i < n; i++)
    if (x[i] === x[i - 1])
      throw rangeError(
        `${fn}: Expect x to not have duplicates (x[${i}] = ${pyFloat(x[i])} repeats).`,
      );
  for (i = 1; i < n; i++)
    if (x[i] < x[i - 1])
      throw rangeError(
        `${fn}: Expect x to be a 1D strictly increasing sequence (x[${i - 1}] = ${pyFloat(x[i - 1])} > x[${i}] = ${pyFloat(x[i])}).`,
      );
}

/** A number as Python's repr prints a float (`5.0`, `nan`, `inf`, `1e-07`). */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (v === Number.POSITIVE_INFINITY) return "inf";
  if (v === Number.NEGATIVE_INFINITY) return "-inf";
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return v.toFixed(1);
  return String(v).replace(/e([+-])(\d)$/, "e$10$2");
}

/** A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`. */
export function pyShape(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(", ")})`;
}
