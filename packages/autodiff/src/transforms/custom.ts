import { typeError } from "@nabla/ndarray";
import type { Trace } from "../core/trace.js";
import { Tracer } from "../core/tracer.js";
import type { Value } from "../core/value.js";

/** The highest trace among the arguments (null when all are concrete). */
export function topTrace(args: readonly unknown[]): Trace | null {
  let top: Trace | null = null;
  for (const a of args) {
    if (a instanceof Tracer && (top === null || a._trace.level > top.level)) top = a._trace;
  }
  return top;
}

/** Custom-rule functions take positional array arguments (no pytrees), one output. */
export function checkValues(fn: string, args: readonly unknown[]): Value[] {
  for (const a of args) {
    if (
      !(
        typeof a === "number" ||
        a instanceof Tracer ||
        (typeof a === "object" && a !== null && "shape" in a && "dtype" in a)
      )
    ) {
      throw typeError(
        `${fn}: arguments must be numbers, NDArrays or tracers (no pytrees), got ${Array.isArray(a) ? "a JS array" : typeof a}.`,
      );
    }
  }
  return args as Value[];
}
