import { type DType, formatShape, type SliceSpec, sizeOf, typeError } from "@nabla/ndarray";
import * as np from "../np/ops.js";
import type { Trace } from "./trace.js";
import type { Concrete, Value } from "./value.js";

/** Anything the traceable `np` functions accept: numbers, NDArrays, nested number arrays, tracers. */
export type Operand =
  | Value
  | readonly unknown[]
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint8Array
  | boolean;

/**
 * A value being traced by a transform (`grad`, `jvp`, `vmap`, ...). It stands where an NDArray
 * would, with the same `shape`, `dtype` and chainable methods (`x.mul(2).pow(2).sqrt()`), and is
 * iterable over its first axis, so `const [x, y] = X` unpacks a traced vector as in Python.
 *
 * JS operators (`*`, `**`, `<`) cannot be overloaded: a tracer used with one throws a TypeError
 * naming the function to use instead, rather than silently losing the derivative.
 * @example
 * grad((X: Tracer) => { const [x, y] = X; return x.mul(y).add(np.sin(x)); })(np.array([0, 2])); // array([3., 0.])
 */
export abstract class Tracer {
  /** @internal The trace that owns this tracer. */
  declare readonly _trace: Trace;
  /** The shape of the value this tracer stands for. */
  declare readonly shape: readonly number[];
  /** Its element type. */
  declare readonly dtype: DType;
  // Shape and dtype are plain fields, read once from the value when the tracer is made: as
  // getters they called shapeOf on the value behind, itself often a tracer with a getter, and
  // V8 inlined that polymorphic chain again at every shapeOf call site, which made the optimized
  // code of bind and the rules several times larger and slower to compile (a cold-start cost).
  constructor(trace: Trace, shape: readonly number[], dtype: DType) {
    this._trace = trace;
    this.shape = shape;
    this.dtype = dtype;
  }

  /** @internal The concrete value, when the transform knows it (not inside vmap). */
  abstract _concrete(): Concrete | null;

  get ndim(): number {
    return this.shape.length;
  }
  get size(): number {
    return sizeOf(this.shape);
  }
  /** The transpose, as numpy's `a.T`. */
  get T(): Tracer {
    return np.transpose(this) as Tracer;
  }

  /**
   * The concrete number behind a size-1 tracer, for JS control flow (`if (x.item() > 0)`); the
   * derivative does not flow through it. Throws inside `vmap`, where the value is a whole batch.
   */
  item(): number {
    const c = this._concrete();
    if (c === null) {
      throw typeError(
        "item: this value depends on a vmapped axis, so it has no single concrete value. Use np.where for value-dependent choices inside vmap.",
      );
    }
    if (typeof c === "number") return c;
    return c.item();
  }

  /** Nested JS arrays of the concrete value (see `item`). */
  toArray(): unknown {
    const c = this._concrete();
    if (c === null)
      throw typeError(
        "toArray: this value depends on a vmapped axis and has no single concrete value.",
      );
    return typeof c === "number" ? c : c.toArray();
  }

  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw typeError(
      `A traced value (${this.toString()}) was used with a JS operator (+, -, *, /, **, <, ...), which cannot be traced. Use np.add / np.multiply / np.power / np.less or the methods x.add(y), x.mul(y), x.pow(y), x.lt(y); for control flow on the concrete value use x.item().`,
    );
  }

  toString(): string {
    return `Tracer<${this.dtype}${formatShape(this.shape)}>`;
  }

  /** console.log prints the abstract value, not the trace behind it. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** Iterates over the first axis: `const [x, y] = X`. */
  [Symbol.iterator](): IterableIterator<Tracer> {
    if (this.ndim === 0)
      throw typeError("iteration over a 0-d array: a scalar tracer cannot be unpacked.");
    return new Rows(this, this.shape[0]);
  }

  add(other: Operand): Tracer {
    return np.add(this, other) as Tracer;
  }
  sub(other: Operand): Tracer {
    return np.subtract(this, other) as Tracer;
  }
  mul(other: Operand): Tracer {
    return np.multiply(this, other) as Tracer;
  }
  div(other: Operand): Tracer {
    return np.divide(this, other) as Tracer;
  }
  pow(other: Operand): Tracer {
    return np.power(this, other) as Tracer;
  }
  mod(other: Operand): Tracer {
    return np.mod(this, other) as Tracer;
  }
  neg(): Tracer {
    return np.negative(this) as Tracer;
  }
  abs(): Tracer {
    return np.abs(this) as Tracer;
  }
  sqrt(): Tracer {
    return np.sqrt(this) as Tracer;
  }
  square(): Tracer {
    return np.square(this) as Tracer;
  }
  exp(): Tracer {
    return np.exp(this) as Tracer;
  }
  log(): Tracer {
    return np.log(this) as Tracer;
  }
  sin(): Tracer {
    return np.sin(this) as Tracer;
  }
  cos(): Tracer {
    return np.cos(this) as Tracer;
  }
  tan(): Tracer {
    return np.tan(this) as Tracer;
  }
  tanh(): Tracer {
    return np.tanh(this) as Tracer;
  }
  maximum(other: Operand): Tracer {
    return np.maximum(this, other) as Tracer;
  }
  minimum(other: Operand): Tracer {
    return np.minimum(this, other) as Tracer;
  }
  clip(min: Operand | null, max: Operand | null): Tracer {
    return np.clip(this, min, max) as Tracer;
  }
  eq(other: Operand): Tracer {
    return np.equal(this, other) as Tracer;
  }
  ne(other: Operand): Tracer {
    return np.notEqual(this, other) as Tracer;
  }
  lt(other: Operand): Tracer {
    return np.less(this, other) as Tracer;
  }
  le(other: Operand): Tracer {
    return np.lessEqual(this, other) as Tracer;
  }
  gt(other: Operand): Tracer {
    return np.greater(this, other) as Tracer;
  }
  ge(other: Operand): Tracer {
    return np.greaterEqual(this, other) as Tracer;
  }
  sum(options?: np.ReduceOptions): Tracer {
    return np.sum(this, options) as Tracer;
  }
  mean(options?: np.ReduceOptions): Tracer {
    return np.mean(this, options) as Tracer;
  }
  prod(options?: np.ReduceOptions): Tracer {
    return np.prod(this, options) as Tracer;
  }
  max(options?: np.ReduceOptions): Tracer {
    return np.max(this, options) as Tracer;
  }
  min(options?: np.ReduceOptions): Tracer {
    return np.min(this, options) as Tracer;
  }
  reshape(...shape: number[] | [readonly number[]]): Tracer {
    return np.reshape(this, (Array.isArray(shape[0]) ? shape[0] : shape) as number[]) as Tracer;
  }
  transpose(axes?: readonly number[]): Tracer {
    return np.transpose(this, axes) as Tracer;
  }
  swapaxes(axis1: number, axis2: number): Tracer {
    return np.swapaxes(this, axis1, axis2) as Tracer;
  }
  moveaxis(source: number, destination: number): Tracer {
    return np.moveaxis(this, source, destination) as Tracer;
  }
  expandDims(axis: number): Tracer {
    return np.expandDims(this, axis) as Tracer;
  }
  squeeze(axis?: number | readonly number[]): Tracer {
    return np.squeeze(this, axis) as Tracer;
  }
  ravel(): Tracer {
    return np.ravel(this) as Tracer;
  }
  flatten(): Tracer {
    return np.ravel(this) as Tracer;
  }
  broadcastTo(shape: readonly number[]): Tracer {
    return np.broadcastTo(this, shape) as Tracer;
  }
  /** numpy basic indexing with NDArray.slice's specs: `X.slice(0)`, `X.slice(":", "1:")`. */
  slice(...specs: SliceSpec[]): Tracer {
    return np.slice(this, ...specs) as Tracer;
  }
  /** The element (or sub-array) at integer indices: `X.get(0)`, `A.get(1, 2)`. */
  get(...index: number[]): Tracer {
    return np.slice(this, ...index) as Tracer;
  }
  astype(dtype: DType): Tracer {
    return np.astype(this, dtype) as Tracer;
  }
  matmul(other: Operand): Tracer {
    return np.matmul(this, other) as Tracer;
  }
  dot(other: Operand): Tracer {
    return np.dot(this, other) as Tracer;
  }
}

/**
 * The rows of a tracer, sliced one at a time as they are asked for (as jax's iteration): a plain
 * iterator object, lighter than a generator on the path of every `const [x, y] = X`.
 */
class Rows implements IterableIterator<Tracer> {
  private i = 0;
  constructor(
    private readonly x: Tracer,
    private readonly n: number,
  ) {}
  next(): IteratorResult<Tracer> {
    if (this.i >= this.n) return { value: undefined, done: true };
    return { value: np.index(this.x, this.i++) as Tracer, done: false };
  }
  [Symbol.iterator](): IterableIterator<Tracer> {
    return this;
  }
}
