import { array, NDArray, typeError } from "@nabla/ndarray";
import type { Operand } from "../core/tracer.js";
import { Tracer } from "../core/tracer.js";
import type { Concrete, Value } from "../core/value.js";
import { stackValues } from "./shape.js";

/** The type an `np` function returns for one operand: a tracer while tracing, else an NDArray. */
export type Result<A> = A extends Tracer ? Tracer : NDArray;

/** The type an `np` function returns for two operands. */
export type Result2<A, B> = A extends Tracer ? Tracer : B extends Tracer ? Tracer : NDArray;

function containsTracer(x: readonly unknown[]): boolean {
  for (const v of x) {
    if (v instanceof Tracer) return true;
    if (Array.isArray(v) && containsTracer(v)) return true;
  }
  return false;
}

/**
 * An operand as a value: numbers, NDArrays and tracers pass through; nested JS arrays become
 * arrays (stacked when they hold tracers, as `np.array([x, y])` does in jax).
 */
export function toValue(fn: string, x: Operand): Value {
  // Small on purpose: every np function starts here and V8 inlines it into each of them; the
  // conversions are out of line so that the inlined copies stay a few bytecodes (inlining all of
  // it everywhere was a large share of the optimizing compiler's work on a cold start).
  if (typeof x === "number" || x instanceof NDArray || x instanceof Tracer) return x;
  return convert(fn, x);
}

/** {@link toValue} for nested JS arrays, typed arrays and booleans. */
function convert(fn: string, x: Operand): Value {
  if (Array.isArray(x) && containsTracer(x)) return stackNested(fn, x);
  try {
    return array(x as never);
  } catch (e) {
    if (
      e instanceof Error &&
      !Array.isArray(x) &&
      typeof x !== "boolean" &&
      !ArrayBuffer.isView(x)
    ) {
      throw typeError(
        `${fn}: expected a number, an NDArray, a tracer or nested arrays of them, got ${describe(x)}.`,
      );
    }
    throw e;
  }
}

function stackNested(fn: string, x: readonly unknown[]): Value {
  // A loop, not map: see the stack primitive's rules.
  const parts = new Array<Value>(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    parts[i] = Array.isArray(v) ? stackNested(fn, v) : toValue(fn, v as Operand);
  }
  return stackValues(fn, parts, 0);
}

export function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "a JS array";
  if (typeof x === "object") return (x as object).constructor?.name ?? "an object";
  return typeof x;
}

/**
 * The concrete value of an operand for a function computed on concrete values only; inside vmap
 * there is none, and it throws `${fn}: ${why}`.
 */
export function concreteArg(fn: string, x: Operand, why: string): Concrete {
  const v = toValue(fn, x);
  const c = v instanceof Tracer ? v._concrete() : v;
  if (c === null) throw typeError(`${fn}: ${why}`);
  return c;
}

/** A concrete 0-d result as a JS number (numpy's scalar results); tracers and arrays unchanged. */
export function scalarize(v: Value): Value {
  return v instanceof NDArray && v.ndim === 0 ? v.item() : v;
}

/** The type of a result that numpy gives as a scalar for full reductions / vector products. */
export type Scalarish<A, B = number> = A extends Tracer
  ? Tracer
  : B extends Tracer
    ? Tracer
    : NDArray | number;
