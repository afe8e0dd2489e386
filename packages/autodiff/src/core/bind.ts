import type { Primitive } from "./primitive.js";
import type { Trace } from "./trace.js";
import { Tracer } from "./tracer.js";
import type { Concrete, Value } from "./value.js";

/**
 * Applies a primitive: to concrete values directly (straight to the ndarray kernel), otherwise
 * through the highest-level trace among the arguments.
 */
export function bind<P>(prim: Primitive<P>, args: readonly Value[], params: P): Value {
  let top: Trace | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof Tracer) {
      const t = a._trace;
      if (top === null || t.level > top.level) top = t;
    }
  }
  if (top === null) return prim.impl(args as readonly Concrete[], params);
  return top.process(prim as Primitive, args, params);
}
