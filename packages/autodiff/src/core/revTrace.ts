import { sameShape } from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { bind } from "./bind.js";
import type { Primitive } from "./primitive.js";
import { Trace } from "./trace.js";
import { Tracer } from "./tracer.js";
import { type Concrete, dtypeOf, isFloatDType, shapeOf, type Value } from "./value.js";

/** One recorded operation: its primitive, parameters, primal inputs/output, and parent nodes. */
interface Node {
  prim: Primitive | null;
  params: unknown;
  primals: readonly Value[];
  out: Value;
  /** Tape index of each input, -1 for inputs that are constants to this trace. */
  parents: readonly number[];
}

/** A value recorded on a tape: its primal and its node index. */
export class RevTracer extends Tracer {
  declare readonly primal: Value;
  declare readonly id: number;
  constructor(trace: RevTrace, primal: Value, id: number) {
    super(trace, shapeOf(primal), dtypeOf(primal));
    this.primal = primal;
    this.id = id;
  }
  _concrete(): Concrete | null {
    const p = this.primal;
    return p instanceof Tracer ? p._concrete() : p;
  }
}

/**
 * Reverse mode as a tape (a Wengert list): the forward pass runs each primitive on the primals
 * (at the levels below) and records it; `backward` walks the tape once in reverse, applying the
 * VJP rules. The rules use traceable ops, so the backward pass is itself traced by any
 * transform below this one (grad of grad, jacfwd of jacrev).
 */
export class RevTrace extends Trace {
  readonly nodes: Node[] = [];

  /** A new input of the differentiated function. */
  input(primal: Value): RevTracer {
    const id = this.nodes.length;
    this.nodes.push({ prim: null, params: undefined, primals: [], out: primal, parents: [] });
    return new RevTracer(this, primal, id);
  }

  process(prim: Primitive, args: readonly Value[], params: unknown): Value {
    const n = args.length;
    const primals = new Array<Value>(n);
    const parents = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const a = args[i];
      if (a instanceof RevTracer && a._trace === this) {
        primals[i] = a.primal;
        parents[i] = a.id;
      } else {
        primals[i] = a;
        parents[i] = -1;
      }
    }
    const out = bind(prim, primals, params);
    const id = this.nodes.length;
    // Integer and bool results (comparisons) carry no derivative: record them as constants.
    const differentiable = isFloatDType(dtypeOf(out));
    this.nodes.push({
      prim: differentiable ? prim : null,
      params,
      primals,
      out,
      parents: differentiable ? parents : [],
    });
    return new RevTracer(this, out, id);
  }

  /** Records a node whose VJP is a closure (custom_vjp and custom_jvp functions). */
  custom(args: readonly Value[], out: Value, vjp: (ct: Value) => readonly (Value | null)[]): Value {
    const prim: Primitive = {
      name: "custom",
      impl: () => {
        throw new Error("custom: not evaluated directly");
      },
      jvp: () => null,
      vjp: (ct) => vjp(ct),
      batch: () => {
        throw new Error("custom: not batched directly");
      },
    };
    const primals = args.map((a) => (a instanceof RevTracer && a._trace === this ? a.primal : a));
    const parents = args.map((a) => (a instanceof RevTracer && a._trace === this ? a.id : -1));
    const id = this.nodes.length;
    this.nodes.push({ prim, params: undefined, primals, out, parents });
    return new RevTracer(this, out, id);
  }

  /**
   * Pulls the cotangents `cts` of the tape nodes `ids` back to every node; returns the
   * cotangent of each node in `wanted` (null where nothing flowed).
   */
  backward(
    ids: readonly number[],
    cts: readonly Value[],
    wanted: readonly number[],
  ): (Value | null)[] {
    const nodes = this.nodes;
    const acc = new Array<Value | undefined>(nodes.length);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      acc[id] = acc[id] === undefined ? cts[k] : np.add(acc[id] as Value, cts[k]);
    }
    // Indexed loops throughout (no for-of, no map callbacks): this runs once per gradient, often
    // before V8 optimizes it, when the iterator protocol and closures are what cost.
    const keep = new Uint8Array(nodes.length);
    for (let k = 0; k < wanted.length; k++) keep[wanted[k]] = 1;
    let last = -1;
    for (let k = 0; k < ids.length; k++) if (ids[k] > last) last = ids[k];
    for (let i = last; i >= 0; i--) {
      const ct = acc[i];
      if (ct === undefined) continue;
      const node = nodes[i];
      const prim = node.prim;
      if (prim === null) continue;
      const parents = node.parents;
      const which = new Array<boolean>(parents.length);
      for (let j = 0; j < parents.length; j++) which[j] = parents[j] >= 0;
      const grads = prim.vjp(ct, node.primals, node.params, node.out, which);
      if (keep[i] === 0) acc[i] = undefined;
      for (let j = 0; j < parents.length; j++) {
        const p = parents[j];
        const g = grads[j];
        if (p < 0 || g === null || g === undefined) continue;
        const fitted = fit(g, shapeOf(node.primals[j]));
        const prev = acc[p];
        acc[p] = prev === undefined ? fitted : np.add(prev, fitted);
      }
    }
    const out = new Array<Value | null>(wanted.length);
    for (let k = 0; k < wanted.length; k++) out[k] = acc[wanted[k]] ?? null;
    return out;
  }
}

/**
 * A cotangent brought to an input's shape: summed over the axes the input was broadcast along
 * (leading axes, and axes where the input has length 1), or broadcast when it is smaller.
 */
function fit(g: Value, shape: readonly number[]): Value {
  const gs = shapeOf(g);
  if (sameShape(gs, shape)) return g;
  const lead = gs.length - shape.length;
  if (lead < 0) return np.broadcastTo(g, shape);
  const axes: number[] = [];
  for (let i = 0; i < gs.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && gs[i] !== 1)) axes.push(i);
  }
  let r = axes.length > 0 ? np.reduceSum(g, { axes, keepdims: true }) : g;
  const rest = shapeOf(r).slice(lead);
  if (lead > 0) r = np.reshape(r, rest);
  return sameShape(rest, shape) ? r : np.broadcastTo(r, shape);
}
