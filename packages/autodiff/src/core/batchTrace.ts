import type { DType } from "@nabla/ndarray";
import { bind } from "./bind.js";
import type { Primitive } from "./primitive.js";
import { Trace } from "./trace.js";
import { Tracer } from "./tracer.js";
import { type Concrete, dtypeOf, shapeOf, type Value } from "./value.js";

/** A batch of values stacked along axis `dim` of `val` (`null`: the same value for the whole batch). */
export class BatchTracer extends Tracer {
  declare readonly val: Value;
  declare readonly dim: number | null;
  declare private _shape: readonly number[] | null;
  constructor(trace: BatchTrace, val: Value, dim: number | null) {
    super(trace);
    this.val = val;
    this.dim = dim;
    this._shape = null;
  }
  get shape(): readonly number[] {
    if (this._shape !== null) return this._shape;
    const s = shapeOf(this.val);
    const d = this.dim;
    if (d === null) this._shape = s;
    else {
      const own = new Array<number>(s.length - 1);
      for (let i = 0, j = 0; i < s.length; i++) if (i !== d) own[j++] = s[i];
      this._shape = own;
    }
    return this._shape as readonly number[];
  }
  get dtype(): DType {
    return dtypeOf(this.val);
  }
  _concrete(): Concrete | null {
    if (this.dim !== null) return null;
    const v = this.val;
    return v instanceof Tracer ? v._concrete() : v;
  }
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
    const res = prim.batch(vals, dims, params, this.size);
    return new BatchTracer(this, res[0], res[1]);
  }
}
