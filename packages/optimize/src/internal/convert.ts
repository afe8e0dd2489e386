import { NDArray, ShapeError, typeError } from "@nabla/ndarray";
import { copyF64, f64 } from "./alloc.js";

/** What a user's fun/jac/hess may return: a number, an NDArray (also 0-d) or nested number arrays. */
export type NumericValue = number | NDArray | ArrayLike<number> | readonly (readonly number[])[];

function isNDArrayLike(v: unknown): v is NDArray {
  return (
    typeof v === "object" &&
    v !== null &&
    Array.isArray((v as NDArray).shape) &&
    typeof (v as NDArray).toTypedArray === "function"
  );
}

/** Appends the numbers of a number, boolean, NDArray or (nested) array to `out`, row-major. */
export function flatten(v: unknown, out: number[]): void {
  if (typeof v === "number") out.push(v);
  else if (typeof v === "boolean") out.push(Number(v));
  else if (isNDArrayLike(v)) {
    const d = v.toTypedArray();
    for (let i = 0; i < d.length; i++) out.push(Number(d[i]));
  } else if (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { item?: unknown }).item === "function"
  ) {
    out.push(Number((v as { item(): unknown }).item()));
  } else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    for (const e of v as ArrayLike<unknown> as unknown[]) flatten(e, out);
  } else {
    throw typeError(
      `expected a number or an array of numbers, got ${v === null ? "null" : typeof v}`,
    );
  }
}

function shapeOf(v: unknown): string {
  if (isNDArrayLike(v)) return `[${v.shape.join(",")}]`;
  if (Array.isArray(v)) return `[${v.length}${Array.isArray(v[0]) ? ",..." : ""}]`;
  return typeof v;
}

/** The objective's value as a JS number (scipy: `np.asarray(fx).item()`). */
export function toScalar(fn: string, v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return Number(v);
  let flat: number[];
  try {
    flat = [];
    flatten(v, flat);
  } catch {
    throw typeError(
      `${fn}: the objective function must return a scalar value (a number or a size-1 array), but it returned ${v === null ? "null" : typeof v}.`,
    );
  }
  if (flat.length !== 1) {
    throw new ShapeError(
      `${fn}: the objective function must return a scalar value, but it returned an array of shape ${shapeOf(v)}. Return a number (sum the terms, or use the least-squares solver for residual vectors).`,
    );
  }
  return flat[0];
}

/** A gradient (or Hessian-vector product) as a Float64Array of length n. */
export function toVector(fn: string, what: string, v: unknown, n: number): Float64Array {
  // fast path for the common return of a flat number[] (no intermediate array)
  if (Array.isArray(v) && v.length === n) {
    const out = f64(n);
    let ok = true;
    for (let i = 0; i < n; i++) {
      const e = v[i];
      if (typeof e !== "number") {
        ok = false;
        break;
      }
      out[i] = e;
    }
    if (ok) return out;
  }
  if (isNDArrayLike(v) && v.size === n && v.dtype === "float64") {
    return copyF64(v.toTypedArray() as Float64Array);
  }
  const flat: number[] = [];
  try {
    flatten(v, flat);
  } catch {
    throw typeError(
      `${fn}: ${what} must return an array of ${n} numbers, but it returned ${v === null ? "null" : typeof v}.`,
    );
  }
  if (flat.length !== n) {
    throw new ShapeError(
      `${fn}: ${what} must return an array of shape [${n}] (one entry per element of x0), but it returned shape ${shapeOf(v)}.`,
    );
  }
  return new Float64Array(flat);
}

/** A Hessian as a row-major Float64Array of n*n entries. */
export function toMatrix(fn: string, what: string, v: unknown, n: number): Float64Array {
  const flat: number[] = [];
  try {
    flatten(v, flat);
  } catch {
    throw typeError(
      `${fn}: ${what} must return an ${n}x${n} array, but it returned ${v === null ? "null" : typeof v}.`,
    );
  }
  if (flat.length !== n * n) {
    throw new ShapeError(
      `${fn}: ${what} must return an array of shape [${n},${n}], but it returned shape ${shapeOf(v)}.`,
    );
  }
  return new Float64Array(flat);
}

/** Wraps a copy of x for the user (they may keep or overwrite it). */
export function wrapX(x: Float64Array): NDArray {
  return new NDArray(copyF64(x), [x.length]);
}
