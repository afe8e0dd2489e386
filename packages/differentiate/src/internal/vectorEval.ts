import { asarray, NDArray, ShapeError, typeError } from "@nabla/ndarray";
import { describe } from "./evaluate.js";

/** A function of a vector, called with a 1-D float64 NDArray. */
// biome-ignore lint/suspicious/noExplicitAny: user functions may take NDArray or anything array-like
export type VectorFunction = (x: NDArray) => any;

/** Reads the point of a multivariate numdifftools-style call as a flat vector (numpy's atleast_1d(x).ravel()). */
export function readVector(fn: string, x: unknown): Float64Array {
  if (typeof x === "number") return Float64Array.of(x);
  try {
    const a = asarray(x as never, { dtype: "float64" });
    return Float64Array.from(a.toTypedArray() as Float64Array);
  } catch {
    throw typeError(`${fn}: x must be a number or an array of numbers, got ${describe(x)}.`);
  }
}

/** Calls f at a vector and remembers the output shape of the first call; later calls must match it. */
export function vectorEvaluator(fn: string, f: VectorFunction) {
  let shape: number[] | null = null;
  // `v` is handed to f (callers pass a fresh buffer, so f may keep or mutate it)
  const evaluate = (v: Float64Array): Float64Array => {
    const raw = f(new NDArray(v, [v.length]));
    if (typeof raw === "number") {
      if (shape === null) shape = [];
      else if (shape.length !== 0)
        throw new ShapeError(`${fn}: f returned shape [] here but [${shape}] at x.`);
      return Float64Array.of(raw);
    }
    let a: NDArray;
    try {
      a = asarray(raw, { dtype: "float64" });
    } catch {
      throw typeError(
        `${fn}: f must return a number or an array of numbers, got ${describe(raw)}.`,
      );
    }
    if (shape === null) shape = [...a.shape];
    else if (a.shape.length !== shape.length || a.shape.some((s, i) => s !== shape![i])) {
      throw new ShapeError(`${fn}: f returned shape [${a.shape}] here but [${shape}] at x.`);
    }
    return Float64Array.from(a.toTypedArray() as Float64Array);
  };
  return { evaluate, shape: (): number[] => shape ?? [] };
}

/** `x` with `delta` added to component k (or to components k and l). */
export function shift(x: Float64Array, k: number, dk: number, l = -1, dl = 0): Float64Array {
  const p = Float64Array.from(x);
  p[k] = x[k] + dk;
  if (l >= 0) p[l] = p[l] + dl;
  return p;
}
