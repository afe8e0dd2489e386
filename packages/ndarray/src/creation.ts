import { allocate, type DType, dtypeOf, isDType, type TypedArray } from "./dtype.js";
import { rangeError, ShapeError, typeError } from "./errors.js";
import { checkOptions, formatShape, type Shape, sizeOf } from "./internal/shape.js";
import { type ArrayLike, NDArray, type NestedArray } from "./ndarray.js";

/** The `dtype` option of the creation functions (`zeros`, `ones`, `full`, `arange`, ...). */
export interface DTypeOptions {
  /** Element type of the result; float64 unless stated. */
  dtype?: DType;
}

function checkDType(fn: string, dtype: unknown): DType | undefined {
  if (dtype === undefined) return undefined;
  if (!isDType(dtype)) {
    throw typeError(
      `${fn}: unknown dtype ${JSON.stringify(dtype)}; expected "float64", "float32", "int32" or "bool".`,
    );
  }
  return dtype;
}

function isTypedArray(value: unknown): value is TypedArray {
  return (
    value instanceof Float64Array ||
    value instanceof Float32Array ||
    value instanceof Int32Array ||
    value instanceof Uint8Array
  );
}

/**
 * A new array from nested JS arrays, a typed array, a number or another NDArray (always copied).
 * JS numbers are float64 (like jax with x64: JS has no integer type), booleans are `bool`, and a
 * typed array keeps its own dtype; `dtype` converts.
 * @example
 * array([[1, 2], [3, 4]]);                 // array([[1., 2.], [3., 4.]])
 * array([true, false]).dtype;              // "bool"
 * array([1, 2], { dtype: "int32" });       // array([1, 2], dtype=int32)
 */
export function array(values: ArrayLike, options?: DTypeOptions): NDArray {
  checkOptions("array", options, ["dtype"]);
  const dtype = checkDType("array", options?.dtype);
  const a = toNDArray("array", values, dtype);
  return a.data === (values as NDArray).data ? a.copy() : a;
}

/**
 * Like {@link array} but returns the input itself when it already is an NDArray of the wanted
 * dtype (no copy).
 * @example
 * const a = zeros([3]); asarray(a) === a; // true
 */
export function asarray(values: ArrayLike, options?: DTypeOptions): NDArray {
  checkOptions("asarray", options, ["dtype"]);
  return toNDArray("asarray", values, checkDType("asarray", options?.dtype));
}

/** Converts without copying where possible; `fn` names the public caller in errors. */
export function toNDArray(fn: string, values: ArrayLike, dtype?: DType): NDArray {
  // Kept this small on purpose: every kernel starts here, and V8 inlines it into each of them.
  // The conversions live out of line, so the inlined copies stay a few bytecodes (inlining the
  // whole function into every kernel was a large share of the optimizing compiler's work).
  if (values instanceof NDArray && (dtype === undefined || values.dtype === dtype)) return values;
  return convert(fn, values, dtype);
}

/** {@link toNDArray} for everything but an NDArray that already has the dtype. */
function convert(fn: string, values: ArrayLike, dtype: DType | undefined): NDArray {
  if (values instanceof NDArray) return values.astype(dtype as DType);
  if (typeof values === "number" || typeof values === "boolean") {
    const own = typeof values === "boolean" ? "bool" : "float64";
    const out = allocate(dtype ?? own, 1);
    out[0] = Number(values);
    return new NDArray(out, []);
  }
  if (isTypedArray(values)) {
    const own = dtypeOf(values);
    const data = allocate(dtype ?? own, values.length);
    data.set(values);
    return new NDArray(data, [values.length]);
  }
  if (!Array.isArray(values)) {
    throw typeError(
      `${fn}: expected a number, an array of numbers, a typed array or an NDArray, got ${describe(values)}.`,
    );
  }
  const shape = nestedShape(fn, values);
  const flat: (number | boolean)[] = [];
  let allBool = true;
  const walk = (v: NestedArray, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(v))
        throw new ShapeError(
          `${fn}: the nested arrays have an inhomogeneous shape after ${depth} dimensions.`,
        );
      if (typeof v === "boolean") flat.push(v);
      else if (typeof v === "number") {
        allBool = false;
        flat.push(v);
      } else if (v instanceof NDArray) {
        throw typeError(
          `${fn}: NDArrays nested inside JS arrays are not supported; use stack() to combine arrays.`,
        );
      } else throw typeError(`${fn}: expected numbers, got ${describe(v)}.`);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new ShapeError(
        `${fn}: the nested arrays have an inhomogeneous shape after ${depth} dimensions (expected length ${shape[depth]}).`,
      );
    }
    for (const item of v as readonly NestedArray[]) walk(item, depth + 1);
  };
  walk(values, 0);
  const own: DType = allBool && flat.length > 0 ? "bool" : "float64";
  const data = allocate(dtype ?? own, flat.length);
  for (let i = 0; i < flat.length; i++) data[i] = Number(flat[i]);
  return new NDArray(data, shape);
}

function nestedShape(fn: string, values: readonly NestedArray[]): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = (v as readonly NestedArray[])[0];
  }
  if (shape.length > 32) throw rangeError(`${fn}: too many dimensions (${shape.length}).`);
  return shape;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return (v as object).constructor?.name ?? "an object";
  return `${typeof v} ${String(v)}`;
}

function checkShape(fn: string, shape: number | Shape): number[] {
  const list = typeof shape === "number" ? [shape] : [...shape];
  for (const n of list) {
    if (!Number.isInteger(n) || n < 0)
      throw rangeError(
        `${fn}: negative or non-integer dimension ${n} in shape ${formatShape(list)}.`,
      );
  }
  return list;
}

/**
 * A new array of `shape` filled with `value`.
 * @example
 * full([2, 2], 7); // array([[7., 7.], [7., 7.]])
 */
export function full(
  shape: number | Shape,
  value: number | boolean,
  options?: DTypeOptions,
): NDArray {
  checkOptions("full", options, ["dtype"]);
  const dims = checkShape("full", shape);
  const dtype =
    checkDType("full", options?.dtype) ?? (typeof value === "boolean" ? "bool" : "float64");
  const data = allocate(dtype, sizeOf(dims));
  if (value !== 0) data.fill(Number(value));
  return new NDArray(data, dims);
}

/**
 * A new array of zeros.
 * @example
 * zeros([2, 3]).shape; // [2, 3]
 */
export function zeros(shape: number | Shape, options?: DTypeOptions): NDArray {
  checkOptions("zeros", options, ["dtype"]);
  return full(checkShape("zeros", shape), 0, options);
}

/**
 * A new array of ones.
 * @example
 * ones(3); // array([1., 1., 1.])
 */
export function ones(shape: number | Shape, options?: DTypeOptions): NDArray {
  checkOptions("ones", options, ["dtype"]);
  return full(checkShape("ones", shape), 1, options);
}

/**
 * A new array whose contents are unspecified by contract (here: zeros; typed arrays are always
 * initialised).
 * @example
 * empty([2]).shape; // [2]
 */
export function empty(shape: number | Shape, options?: DTypeOptions): NDArray {
  checkOptions("empty", options, ["dtype"]);
  return full(checkShape("empty", shape), 0, options);
}

/**
 * Zeros with the shape and dtype of `a`.
 * @example
 * zerosLike(array([1, 2])); // array([0., 0.])
 */
export function zerosLike(a: ArrayLike, options?: DTypeOptions): NDArray {
  const x = toNDArray("zerosLike", a);
  return full(x.shape, 0, { dtype: options?.dtype ?? x.dtype });
}

/**
 * Ones with the shape and dtype of `a`.
 * @example
 * onesLike(zeros([2, 2])).shape; // [2, 2]
 */
export function onesLike(a: ArrayLike, options?: DTypeOptions): NDArray {
  const x = toNDArray("onesLike", a);
  return full(x.shape, 1, { dtype: options?.dtype ?? x.dtype });
}

/**
 * `value` with the shape and dtype of `a`.
 * @example
 * fullLike(zeros([2]), 3); // array([3., 3.])
 */
export function fullLike(a: ArrayLike, value: number | boolean, options?: DTypeOptions): NDArray {
  const x = toNDArray("fullLike", a);
  return full(x.shape, value, { dtype: options?.dtype ?? x.dtype });
}

/** Options of `eye`: numpy's `M` (here `m`), `k` and `dtype`. */
export interface EyeOptions extends DTypeOptions {
  /** Number of columns (default `n`). */
  m?: number;
  /** Diagonal: 0 main, positive above, negative below. */
  k?: number;
}

/**
 * An `n × m` matrix with ones on diagonal `k`.
 * @example
 * eye(2); // array([[1., 0.], [0., 1.]])
 * eye(2, { k: 1 }); // array([[0., 1.], [0., 0.]])
 */
export function eye(n: number, options?: EyeOptions): NDArray {
  checkOptions("eye", options, ["m", "k", "dtype"]);
  const m = options?.m ?? n;
  const k = options?.k ?? 0;
  if (!Number.isInteger(k)) throw rangeError(`eye: k must be an integer, got ${k}.`);
  const out = zeros(
    checkShape("eye", [n, m]),
    options?.dtype ? { dtype: options.dtype } : undefined,
  );
  for (let i = Math.max(0, -k); i < n && i + k < m; i++) out.data[i * m + i + k] = 1;
  return out;
}

/**
 * The `n × n` identity matrix.
 * @example
 * identity(3).shape; // [3, 3]
 */
export function identity(n: number, options?: DTypeOptions): NDArray {
  checkOptions("identity", options, ["dtype"]);
  return eye(n, options);
}

/**
 * Evenly spaced values in `[start, stop)` with `step`, as `np.arange` (one argument: `[0, stop)`).
 * @example
 * arange(4);           // array([0., 1., 2., 3.])
 * arange(1, 2, 0.25);  // array([1.  , 1.25, 1.5 , 1.75])
 */
export function arange(start: number, stop?: number, step = 1, options?: DTypeOptions): NDArray {
  checkOptions("arange", options, ["dtype"]);
  if (stop === undefined) [start, stop] = [0, start];
  for (const [name, v] of [
    ["start", start],
    ["stop", stop],
    ["step", step],
  ] as const) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw rangeError(`arange: ${name} must be a finite number, got ${v}.`);
  }
  if (step === 0) throw rangeError("arange: step must not be zero.");
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const data = allocate(checkDType("arange", options?.dtype) ?? "float64", n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new NDArray(data, [n]);
}

/** Options of `linspace`: numpy's `num`, `endpoint` and `dtype`. */
export interface LinspaceOptions extends DTypeOptions {
  /** Number of samples (default 50). */
  num?: number;
  /** Whether `stop` is the last sample (default true). */
  endpoint?: boolean;
}

/**
 * `num` evenly spaced samples over `[start, stop]`, computed as numpy does (`start + i*step`, the
 * last sample set to `stop` exactly). With `retstep: true` returns `[samples, step]`.
 * @example
 * `num` may be given positionally, as in numpy, or in the options.
 * linspace(0, 1, 5);                            // array([0.  , 0.25, 0.5 , 0.75, 1.  ])
 * linspace(0, 1, { num: 5 });                   // the same
 * const [x, h] = linspace(0.1, 1, 10, { retstep: true }); // h = 0.1
 */
export function linspace(
  start: number,
  stop: number,
  num: number,
  options: LinspaceOptions & { retstep: true },
): [NDArray, number];
export function linspace(
  start: number,
  stop: number,
  options: LinspaceOptions & { retstep: true },
): [NDArray, number];
export function linspace(
  start: number,
  stop: number,
  num?: number,
  options?: LinspaceOptions & { retstep?: false },
): NDArray;
export function linspace(
  start: number,
  stop: number,
  options?: LinspaceOptions & { retstep?: false },
): NDArray;
export function linspace(
  start: number,
  stop: number,
  numOrOptions?: number | (LinspaceOptions & { retstep?: boolean }),
  maybeOptions?: LinspaceOptions & { retstep?: boolean },
): NDArray | [NDArray, number] {
  const options = positionalNum("linspace", numOrOptions, maybeOptions);
  checkOptions("linspace", options, ["num", "endpoint", "retstep", "dtype"]);
  const num = options?.num ?? 50;
  const endpoint = options?.endpoint ?? true;
  if (!Number.isInteger(num)) throw typeError(`linspace: num must be an integer, got ${num}.`);
  if (num < 0) throw rangeError(`linspace: Number of samples, ${num}, must be non-negative.`);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(num);
  let step = Number.NaN;
  if (div > 0) {
    step = delta / div;
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
  } else {
    for (let i = 0; i < num; i++) y[i] = i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  const dtype = checkDType("linspace", options?.dtype);
  let out = new NDArray(y, [num]);
  if (dtype === "int32") out = new NDArray(Int32Array.from(y, Math.floor), [num]);
  else if (dtype) out = out.astype(dtype);
  return options?.retstep ? [out, step] : out;
}

/** numpy passes `num` positionally: accepts `(num, options)` or `(options)` and merges them. */
function positionalNum<T extends { num?: number }>(
  fn: string,
  numOrOptions: number | T | undefined,
  options: T | undefined,
): T | undefined {
  if (numOrOptions === undefined || numOrOptions === null) return options;
  if (typeof numOrOptions === "object") {
    if (options !== undefined)
      throw typeError(
        `${fn}: pass num either positionally or in the options, not an options object twice.`,
      );
    return numOrOptions;
  }
  if (typeof numOrOptions !== "number") {
    throw typeError(
      `${fn}: num must be an integer, got ${typeof numOrOptions} ${String(numOrOptions)}.`,
    );
  }
  if (
    options !== undefined &&
    options !== null &&
    (options as { num?: number }).num !== undefined
  ) {
    throw typeError(`${fn}: num given twice (positionally and in the options).`);
  }
  return { ...(options ?? {}), num: numOrOptions } as T;
}

/** Options of `logspace`: `linspace`'s and `base`. */
export interface LogspaceOptions extends LinspaceOptions {
  /** The base of the log space (default 10). */
  base?: number;
}

/**
 * `base ** linspace(start, stop)`, as `np.logspace`.
 * @example
 * logspace(0, 2, 3);          // array([  1.,  10., 100.])
 * logspace(0, 2, { num: 3 }); // the same
 */
export function logspace(
  start: number,
  stop: number,
  num?: number,
  options?: LogspaceOptions,
): NDArray;
export function logspace(start: number, stop: number, options?: LogspaceOptions): NDArray;
export function logspace(
  start: number,
  stop: number,
  numOrOptions?: number | LogspaceOptions,
  maybeOptions?: LogspaceOptions,
): NDArray {
  const options = positionalNum("logspace", numOrOptions, maybeOptions);
  checkOptions("logspace", options, ["num", "endpoint", "base", "dtype"]);
  const base = options?.base ?? 10;
  const exps = linspace(start, stop, { num: options?.num, endpoint: options?.endpoint });
  const data = new Float64Array(exps.size);
  for (let i = 0; i < data.length; i++) data[i] = base ** exps.data[i];
  const out = new NDArray(data, exps.shape);
  return options?.dtype ? out.astype(options.dtype) : out;
}
