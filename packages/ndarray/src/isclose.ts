import { toNDArray } from "./creation.js";
import { typeError } from "./errors.js";
import { forEachRow } from "./internal/iterate.js";
import {
  broadcastShapes,
  checkOptions,
  contiguousStrides,
  sameShape,
  sizeOf,
} from "./internal/shape.js";
import { type ArrayLike, NDArray } from "./ndarray.js";

/** Tolerances of `isclose` / `allclose` (numpy's defaults). */
export interface IscloseOptions {
  /** Relative tolerance, scaled by `|b|` (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Count NaN as equal to NaN (default false). */
  equalNan?: boolean;
}

function tolerances(fn: string, options: IscloseOptions | undefined): [number, number, boolean] {
  checkOptions(fn, options, ["rtol", "atol", "equalNan"]);
  const rtol = options?.rtol ?? 1e-5;
  const atol = options?.atol ?? 1e-8;
  const equalNan = options?.equalNan ?? false;
  if (typeof rtol !== "number")
    throw typeError(`${fn}: rtol must be a number, got ${typeof rtol}.`);
  if (typeof atol !== "number")
    throw typeError(`${fn}: atol must be a number, got ${typeof atol}.`);
  if (typeof equalNan !== "boolean")
    throw typeError(`${fn}: equalNan must be a boolean, got ${typeof equalNan}.`);
  return [rtol, atol, equalNan];
}

// numpy's formula, asymmetric in b (the reference):
//   (|a - b| <= atol + rtol * |b|) & isfinite(b)  |  (a == b)  [| isnan(a) & isnan(b)]
// so infinities are close only to the same infinity, and NaN to nothing unless equalNan.
function close(x: number, y: number, rtol: number, atol: number, equalNan: boolean): boolean {
  if (x === y) return true;
  if (Math.abs(x - y) <= atol + rtol * Math.abs(y) && Number.isFinite(y)) return true;
  return equalNan && Number.isNaN(x) && Number.isNaN(y);
}

function closeArray(
  fn: string,
  a: ArrayLike,
  b: ArrayLike,
  options: IscloseOptions | undefined,
): NDArray {
  const [rtol, atol, equalNan] = tolerances(fn, options);
  const x = toNDArray(fn, a);
  const y = toNDArray(fn, b);
  const shape = broadcastShapes(fn, x.shape, y.shape);
  const xb = x.broadcastTo(shape);
  const yb = y.broadcastTo(shape);
  const out = new Uint8Array(sizeOf(shape));
  const xd = xb.data;
  const yd = yb.data;
  forEachRow(
    shape,
    [xb.strides, yb.strides, contiguousStrides(shape)],
    [xb.offset, yb.offset, 0],
    ([xo, yo, oo], n, [xs, ys, os]) => {
      for (let i = 0; i < n; i++)
        out[oo + i * os] = close(xd[xo + i * xs], yd[yo + i * ys], rtol, atol, equalNan) ? 1 : 0;
    },
  );
  return new NDArray(out, shape);
}

/**
 * Elementwise `|a - b| <= atol + rtol * |b|` with broadcasting, exactly numpy's (asymmetric: `b`
 * is the reference) formula: infinities are close only to an equal infinity, NaN to nothing
 * unless `equalNan`. Two JS numbers give a boolean; arrays give a bool NDArray.
 * @example
 * isclose(1, 1 + 1e-6);                 // true
 * isclose([1e10, 1e-7], [1.00001e10, 1e-8]); // array([ True, False])
 * isclose([NaN], [NaN], { equalNan: true }); // array([ True])
 */
export function isclose(a: number, b: number, options?: IscloseOptions): boolean;
export function isclose(a: ArrayLike, b: ArrayLike, options?: IscloseOptions): NDArray;
export function isclose(a: ArrayLike, b: ArrayLike, options?: IscloseOptions): boolean | NDArray {
  if (typeof a === "number" && typeof b === "number") {
    const [rtol, atol, equalNan] = tolerances("isclose", options);
    return close(a, b, rtol, atol, equalNan);
  }
  return closeArray("isclose", a, b, options);
}

/**
 * True if every pair is {@link isclose} (after broadcasting; true for empty arrays).
 * @example
 * allclose([1e10, 1e-8], [1.00001e10, 1e-9]); // true
 * allclose([1, NaN], [1, NaN]);               // false
 * allclose([1, NaN], [1, NaN], { equalNan: true }); // true
 */
export function allclose(a: ArrayLike, b: ArrayLike, options?: IscloseOptions): boolean {
  const c = closeArray("allclose", a, b, options);
  return c.data.every((v) => v !== 0);
}

/**
 * True if the two arrays have the same shape and equal elements (numpy's `array_equal`; NaN is
 * unequal to NaN unless `equalNan`).
 * @example
 * arrayEqual([1, 2], [1, 2]);     // true
 * arrayEqual([1, 2], [[1, 2]]);   // false (shapes differ)
 */
export function arrayEqual(
  a1: ArrayLike,
  a2: ArrayLike,
  options?: { equalNan?: boolean },
): boolean {
  checkOptions("arrayEqual", options, ["equalNan"]);
  const equalNan = options?.equalNan ?? false;
  const x = toNDArray("arrayEqual", a1);
  const y = toNDArray("arrayEqual", a2);
  if (!sameShape(x.shape, y.shape)) return false;
  const xd = x.data;
  const yd = y.data;
  let equal = true;
  forEachRow(x.shape, [x.strides, y.strides], [x.offset, y.offset], ([xo, yo], n, [xs, ys]) => {
    if (!equal) return;
    for (let i = 0; i < n; i++) {
      const u = xd[xo + i * xs];
      const v = yd[yo + i * ys];
      if (u !== v && !(equalNan && Number.isNaN(u) && Number.isNaN(v))) {
        equal = false;
        return;
      }
    }
  });
  return equal;
}
