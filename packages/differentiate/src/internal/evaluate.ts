import { type ArrayLike, asarray, NDArray, typeError } from "@nabla/ndarray";

/**
 * A function nabla differentiates numerically. It gets the same kind of value as the point you
 * differentiate at: a number for a number (return a number), an NDArray for an array (return an
 * array of the same size, elementwise — numdifftools and scipy require such vectorised functions).
 */
export type NumericFunction = ((x: number) => unknown) | ((x: NDArray) => unknown);

/** Reads whatever `f` returned as a flat Float64Array (C order). */
export function toFloat64(fn: string, value: unknown): Float64Array {
  if (typeof value === "number") return Float64Array.of(value);
  if (typeof value === "boolean") return Float64Array.of(value ? 1 : 0);
  let a: NDArray;
  try {
    a = asarray(value as ArrayLike);
  } catch {
    throw typeError(
      `${fn}: the function must return a number or an array of numbers, got ${describe(value)}.`,
    );
  }
  const data = a.toTypedArray();
  return data instanceof Float64Array ? data : Float64Array.from(data);
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof NDArray) return `an NDArray of shape [${value.shape.join(",")}]`;
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

export function checkCallable(fn: string, f: unknown): void {
  if (typeof f !== "function") {
    throw typeError(`${fn}: f must be a function, got ${describe(f)}.`);
  }
}

/** Reads a point: a JS number stays scalar, anything else becomes a float64 NDArray. */
export function readPoint(fn: string, x: unknown): { data: Float64Array; shape: number[] | null } {
  if (typeof x === "number") return { data: Float64Array.of(x), shape: null };
  let a: NDArray;
  try {
    a = asarray(x as ArrayLike, { dtype: "float64" });
  } catch {
    throw typeError(`${fn}: x must be a number or an array of numbers, got ${describe(x)}.`);
  }
  const t = a.toTypedArray() as Float64Array;
  return { data: Float64Array.from(t), shape: [...a.shape] };
}

/** Wraps a flat buffer as an NDArray of `shape` (a 0-d shape gives a 0-d array). */
export function wrap(data: Float64Array, shape: readonly number[]): NDArray {
  return new NDArray(data, shape);
}
