import {
  type ArrayLike,
  asarray,
  checkOptions,
  NDArray,
  normalizeAxis,
  rangeError,
  ShapeError,
  typeError,
} from "@nabla/ndarray";

/** Options shared by the sampled-data integrators. */
export interface SampledOptions {
  x?: ArrayLike;
  dx?: number;
  axis?: number;
}

function isOptionsObject(v: unknown): boolean {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof NDArray) &&
    !ArrayBuffer.isView(v)
  );
}

/**
 * Sorts out `f(y, x?, options?)` / `f(y, options)`: `x` may come positionally (as in scipy and
 * the golden files) or in the options, not both.
 */
export function sampledArgs<O extends SampledOptions>(
  fn: string,
  y: ArrayLike,
  xOrOptions: ArrayLike | O | undefined,
  options: O | undefined,
  allowed: readonly string[],
): { y: NDArray; x: NDArray | undefined; dx: number; axis: number; options: O } {
  let x: ArrayLike | undefined;
  let opts: O;
  if (isOptionsObject(xOrOptions)) {
    if (options !== undefined) {
      throw typeError(
        `${fn}: pass x either positionally or in the options, followed by at most one options object.`,
      );
    }
    opts = xOrOptions as O;
  } else {
    x = xOrOptions as ArrayLike | undefined;
    opts = (options ?? {}) as O;
  }
  checkOptions(fn, opts, allowed);
  if (opts.x !== undefined && opts.x !== null) {
    if (x !== undefined && x !== null)
      throw typeError(`${fn}: x was given both positionally and in the options.`);
    x = opts.x;
  }
  const ya = toFloat(fn, "y", y);
  if (ya.ndim === 0) throw rangeError(`${fn}: y must have at least one dimension, got a scalar.`);
  const axis = normalizeAxis(fn, opts.axis ?? -1, ya.ndim);
  const dx = opts.dx ?? 1;
  if (typeof dx !== "number") throw typeError(`${fn}: dx must be a number, got ${typeof dx}.`);
  const xa = x === undefined || x === null ? undefined : toFloat(fn, "x", x);
  return { y: ya, x: xa, dx, axis, options: opts };
}

/** The input as a float64 NDArray (no copy when it already is one). */
export function toFloat(fn: string, name: string, v: ArrayLike): NDArray {
  let a: NDArray;
  try {
    a = asarray(v);
  } catch (e) {
    throw typeError(
      `${fn}: ${name} must be array-like (numbers, nested arrays, a typed array or an NDArray): ${(e as Error).message}`,
    );
  }
  return a.dtype === "float64" ? a : a.astype("float64");
}

/** `a[..., spec, ...]` with `spec` at `axis` (a slice string or an integer index). */
export function along(a: NDArray, axis: number, spec: string | number): NDArray {
  const specs: (string | number)[] = new Array(axis).fill(":");
  specs.push(spec);
  return a.slice(...specs);
}

/** A 1-D x reshaped to broadcast along `axis` of an ndim-dimensional array. */
export function alongAxis(x: NDArray, axis: number, ndim: number): NDArray {
  const shape = new Array<number>(ndim).fill(1);
  shape[axis] = x.shape[0];
  return x.reshape(shape);
}

/** A 0-d result becomes a JS number (numpy returns a scalar for 1-D input). */
export function scalarOrArray(r: NDArray | number): number | NDArray {
  if (typeof r === "number") return r;
  return r.ndim === 0 ? r.item() : r;
}

export function lengthError(fn: string, xlen: number, n: number, axis: number): ShapeError {
  return new ShapeError(
    `${fn}: If given, length of x along axis must be the same as y: x has ${xlen} samples, y has ${n} along axis ${axis}.`,
  );
}
