import { bind } from "./bind.js";
import type { Primitive } from "./primitive.js";
import { Trace } from "./trace.js";
import { Tracer } from "./tracer.js";
import { type Concrete, dtypeOf, SCALAR, shapeOf, type Value } from "./value.js";

/** A batch of values stacked along axis `dim` of `val` (`null`: the same value for the whole batch). */
export class BatchTracer extends Tracer {
  declare readonly val: Value;
  declare readonly dim: number | null;
  constructor(trace: BatchTrace, val: Value, dim: number | null) {
    super(trace, dim === null ? shapeOf(val) : unbatchedShape(shapeOf(val), dim), dtypeOf(val));
    this.val = val;
    this.dim = dim;
  }
  _concrete(): Concrete | null {
    if (this.dim !== null) return null;
    const v = this.val;
    return v instanceof Tracer ? v._concrete() : v;
  }
}

/** `shape` without axis `dim`: one element's shape. */
function unbatchedShape(shape: readonly number[], dim: number): readonly number[] {
  // A batch of scalars (vmap over a vector) is the common case: no new array for it.
  if (shape.length === 1) return SCALAR;
  const own = new Array<number>(shape.length - 1);
  for (let i = 0, j = 0; i < shape.length; i++) if (i !== dim) own[j++] = shape[i];
  return own;
}

/** vmap: each primitive runs once on the whole batch through its batching rule. */
export class BatchTrace extends Trace {
  declare readonly size: number;
  constructor(level: number, size: number) {
    super(level);
    this.size = size;
  }

  process(prim: Primitive, args: readonly Value[], params: unknown): Value {
    const n = args.length;
    const vals = new Array<Value>(n);
    const dims = new Array<number | null>(n);
    let any = false;
    for (let i = 0; i < n; i++) {
      const a = args[i];
      if (a instanceof BatchTracer && a._trace === this) {
        vals[i] = a.val;
        dims[i] = a.dim;
        if (a.dim !== null) any = true;
      } else {
        vals[i] = a;
        dims[i] = null;
      }
    }
    if (!any) return new BatchTracer(this, bind(prim, vals, params), null);
    const res = prim.batch(vals, dims, params, this.size, prim);
    return new BatchTracer(this, res[0], res[1]);
  }
}
