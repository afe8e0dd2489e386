import type { DType } from "@nabla/ndarray";
import { formatShape, NDArray } from "@nabla/ndarray";
import { bind } from "./bind.js";
import type { Primitive } from "./primitive.js";
import { Trace } from "./trace.js";
import { Tracer } from "./tracer.js";
import { type Concrete, dtypeOf, shapeOf, type Value } from "./value.js";

/** A variable of a traced program, standing for a value (which is also computed). */
export class JaxprTracer extends Tracer {
  readonly value: Value;
  readonly name: string;
  constructor(trace: JaxprTrace, value: Value, name: string) {
    super(trace, shapeOf(value), dtypeOf(value));
    this.value = value;
    this.name = name;
  }
  _concrete(): Concrete | null {
    const v = this.value;
    return v instanceof Tracer ? v._concrete() : v;
  }
}

/** One line of a program: `out = prim[params] args`. */
export interface Equation {
  readonly prim: Primitive;
  readonly params: unknown;
  readonly args: readonly string[];
  readonly out: string;
  readonly outType: string;
}

const SHORT: Record<DType, string> = { float64: "f64", float32: "f32", int32: "i32", bool: "bool" };

/** jax's type notation: `f64[3,2]`. */
export function typeOf(v: Value): string {
  return `${SHORT[dtypeOf(v)]}${formatShape(shapeOf(v))}`;
}

/** a, b, ..., z, ba, bb, ... as jax names its variables. */
function nameOf(i: number): string {
  let s = "";
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

/**
 * Records every primitive applied to its tracers as an equation (while still computing the
 * values, so JS control flow on them works). Constants (non-scalar arrays) become named inputs.
 */
export class JaxprTrace extends Trace {
  readonly eqns: Equation[] = [];
  readonly consts: { name: string; value: Concrete | Value }[] = [];
  private count = 0;
  private constNames = new Map<NDArray, string>();

  fresh(value: Value): JaxprTracer {
    return new JaxprTracer(this, value, nameOf(this.count++));
  }

  /** How an argument appears in an equation: a variable, a literal scalar, or a named constant. */
  atom(a: Value): string {
    if (a instanceof JaxprTracer && a._trace === this) return a.name;
    if (typeof a === "number") return formatNumber(a);
    if (a instanceof NDArray && a.ndim === 0) return formatNumber(a.item());
    const known = a instanceof NDArray ? this.constNames.get(a) : undefined;
    if (known) return known;
    const name = nameOf(this.count++);
    if (a instanceof NDArray) this.constNames.set(a, name);
    this.consts.push({ name, value: a });
    return name;
  }

  process(prim: Primitive, args: readonly Value[], params: unknown): Value {
    const vals = args.map((a) => (a instanceof JaxprTracer && a._trace === this ? a.value : a));
    const names = args.map((a) => this.atom(a));
    const out = this.fresh(bind(prim, vals, params));
    this.eqns.push({ prim, params, args: names, out: out.name, outType: typeOf(out.value) });
    return out;
  }
}

function formatNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  return String(x);
}
