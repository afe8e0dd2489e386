import { type Equation, JaxprTrace, JaxprTracer, typeOf } from "../core/jaxprTrace.js";
import { flatten, unflatten } from "../core/pytree.js";
import { closeLevel, nextLevel } from "../core/trace.js";
import type { Value } from "../core/value.js";
import type { AnyFunction } from "./types.js";

/** A traced program: its inputs, constants, equations and outputs, printed as jax prints one. */
export interface Jaxpr {
  /** Input variables with their types, e.g. `a:f64[3]`. */
  readonly invars: readonly string[];
  /** Constant arrays the program closes over, with their names. */
  readonly constvars: readonly string[];
  /** One line per primitive application. */
  readonly eqns: readonly Equation[];
  /** Output atoms (variables or literals). */
  readonly outvars: readonly string[];
  /** jax's text form: `{ lambda ; a:f64[]. let b:f64[] = sin a in (b) }`, one equation per line. */
  toString(): string;
}

function formatEquation(e: Equation): string {
  const params = e.prim.show ? `[${e.prim.show(e.params as never)}]` : "";
  return `${e.out}:${e.outType} = ${e.prim.name}${params} ${e.args.join(" ")}`;
}

/**
 * Traces `f` on the given arguments and returns the program it ran, one line per primitive —
 * readable as a symbolic derivative when `f` is itself a transform: `makeJaxpr(grad(f))(x)`.
 * Values are computed along the way, so JS control flow on them is resolved for these inputs.
 * @example
 * String(makeJaxpr((x) => np.sin(np.multiply(x, 2)))(1));
 * // { lambda ; a:f64[]. let
 * //     b:f64[] = multiply a 2.0
 * //     c:f64[] = sin b
 * //   in (c) }
 */
export function makeJaxpr(f: AnyFunction): (...args: unknown[]) => Jaxpr {
  return (...args: unknown[]) => {
    const level = nextLevel();
    const trace = new JaxprTrace(level);
    const leaves: Value[] = [];
    const defs = args.map((a) => flatten("makeJaxpr", a, leaves));
    let invars: string[];
    let outvars: string[];
    try {
      const tracers = leaves.map((l) => trace.fresh(l));
      invars = tracers.map((t) => `${t.name}:${typeOf(t.value)}`);
      const at = { i: 0 };
      const out = f(...defs.map((d) => unflatten(d, tracers, at)));
      const outs: Value[] = [];
      flatten("makeJaxpr", out, outs);
      outvars = outs.map((o) =>
        o instanceof JaxprTracer && o._trace === trace ? o.name : trace.atom(o),
      );
    } finally {
      closeLevel(level);
    }
    const constvars = trace.consts.map((c) => `${c.name}:${typeOf(c.value)}`);
    const eqns = trace.eqns;
    return {
      invars,
      constvars,
      eqns,
      outvars,
      toString() {
        const head = `{ lambda ${constvars.join(" ")}${constvars.length ? " " : ""}; ${invars.join(" ")}. let`;
        const body = eqns.map((e) => `    ${formatEquation(e)}`);
        return [head, ...body, `  in (${outvars.join(", ")}) }`].join("\n");
      },
    };
  };
}
