import { NDArray } from "@nabla/ndarray";

/** Deterministic values in [lo, hi) for a shape (a JS number for []). */
export function uniform(
  shape: readonly number[],
  lo: number,
  hi: number,
  seed = 1,
): number | NDArray {
  let s = seed * 2654435761;
  const next = () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 4294967296;
  };
  const n = shape.reduce((p, k) => p * k, 1);
  const data = new Float64Array(n).map(() => lo + (hi - lo) * next());
  return shape.length === 0 ? data[0] : new NDArray(data, shape);
}

/** A well-conditioned matrix (stack): random entries plus a multiple of the identity. */
export function wellConditioned(shape: readonly number[], seed = 1): NDArray {
  const a = uniform(shape, -0.5, 0.5, seed) as NDArray;
  const n = shape[shape.length - 1];
  const data = Float64Array.from(a.toTypedArray());
  for (let i = 0; i < data.length; i++) {
    const r = Math.floor(i / n) % n;
    if (r === i % n) data[i] += 3;
  }
  return new NDArray(data, shape);
}

/** Flat float64 values of a number or NDArray. */
export function values(x: unknown): number[] {
  if (typeof x === "number") return [x];
  if (x instanceof NDArray) return Array.from(x.astype("float64").toTypedArray());
  throw new Error(`not a concrete value: ${String(x)}`);
}

/** `|a - b| <= atol + rtol |b|` elementwise, NaN equal to NaN. */
export function close(actual: unknown, expected: unknown, rtol = 1e-12, atol = 0): boolean {
  const a = values(actual);
  const b = values(expected);
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
    if (x === y) return true;
    return Math.abs(x - y) <= atol + rtol * Math.abs(y);
  });
}
