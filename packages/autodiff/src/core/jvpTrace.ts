import { sameShape } from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { bind } from "./bind.js";
import type { Primitive } from "./primitive.js";
import { Trace } from "./trace.js";
import { Tracer } from "./tracer.js";
import { type Concrete, dtypeOf, shapeOf, type Value } from "./value.js";

/** A dual number: a primal value and its tangent (`null` is a symbolic zero). */
export class JVPTracer extends Tracer {
  declare readonly primal: Value;
  declare readonly tangent: Value | null;
  constructor(trace: JVPTrace, primal: Value, tangent: Value | null) {
    super(trace, shapeOf(primal), dtypeOf(primal));
    this.primal = primal;
    this.tangent = tangent;
  }
  _concrete(): Concrete | null {
    const p = this.primal;
    return p instanceof Tracer ? p._concrete() : p;
  }
}

/** Forward mode: each primitive runs on the primals and pushes the tangents through its JVP rule. */
export class JVPTrace extends Trace {
  process(prim: Primitive, args: readonly Value[], params: unknown): Value {
    const n = args.length;
    const primals = new Array<Value>(n);
    const tangents = new Array<Value | null>(n);
    let any = false;
    for (let i = 0; i < n; i++) {
      const a = args[i];
      if (a instanceof JVPTracer && a._trace === this) {
        primals[i] = a.primal;
        tangents[i] = a.tangent;
        if (a.tangent !== null) any = true;
      } else {
        primals[i] = a;
        tangents[i] = null;
      }
    }
    const out = bind(prim, primals, params);
    if (!any) return new JVPTracer(this, out, null);
    let t = prim.jvp(primals, tangents, params, out);
    if (t !== null) {
      const want = shapeOf(out);
      if (!sameShape(shapeOf(t), want)) t = np.broadcastTo(t, want);
    }
    return new JVPTracer(this, out, t);
  }
}
