import { typeError } from "@nabla/ndarray";
import { JVPTrace, JVPTracer } from "../core/jvpTrace.js";
import { RevTrace, RevTracer } from "../core/revTrace.js";
import type { Value } from "../core/value.js";
import { zerosOf } from "./common.js";
import { checkValues, topTrace } from "./custom.js";
import type { AnyFunction, ConcreteOf, Result, TraceableOf } from "./types.js";
import { vjp } from "./vjp.js";

/** A JVP rule: from the primal arguments and their tangents, `[primalOut, tangentOut]`. */
export type JvpRule = (primals: Value[], tangents: Value[]) => [unknown, unknown];

/**
 * A function with a custom JVP rule (also callable before the rule is set: then it is `f`).
 * {@link customJvp} returns it loosely typed (`F` = any function); annotate it to type its calls:
 * `const g: CustomJvpFunction<(x: Tracer) => Tracer> = customJvp(...)`.
 */
export interface CustomJvpFunction<F extends AnyFunction = AnyFunction> {
  <A extends TraceableOf<Parameters<F>>>(...args: A): Result<A, ConcreteOf<ReturnType<F>>>;
  /** Sets the rule and returns the function (jax's `f.defjvp`). */
  defjvp(rule: JvpRule): CustomJvpFunction<F>;
}

/**
 * `f` with a hand-written derivative, jax's `custom_jvp`: forward mode calls `rule`, reverse mode
 * transposes the rule's (linear) tangent map, so both grad and jacfwd use it, to any order the
 * rule itself supports. Arguments are numbers/NDArrays/tracers, the output one value. Inside
 * vmap the function's own operations are batched (the rule applies to transforms outside).
 * @example
 * // log(1 + e^x) with a derivative that stays finite for large x
 * const softplus = customJvp((x) => np.log1p(np.exp(x)), ([x], [t]) => [softplus(x), np.multiply(t, np.divide(1, np.add(1, np.exp(np.negative(x)))))]);
 * grad(softplus)(1000); // 1
 */
// Not generic on purpose: a rule may call the function being defined (`softplus` above), and
// only a call to a single non-generic signature can be typed before its arguments are checked.
export function customJvp(f: AnyFunction, rule?: JvpRule): CustomJvpFunction {
  let jvpRule: JvpRule | undefined = rule;
  const g = ((...args: unknown[]) => {
    const vals = checkValues("customJvp", args);
    const top = topTrace(vals);
    if (top === null || jvpRule === undefined) return f(...vals);
    const r = jvpRule;
    if (top instanceof JVPTrace) {
      const own = (a: Value) => a instanceof JVPTracer && a._trace === top;
      const primals = vals.map((a) => (own(a) ? (a as JVPTracer).primal : a));
      const tangents = vals.map((a, i) =>
        own(a) ? ((a as JVPTracer).tangent ?? zerosOf(primals[i])) : zerosOf(a),
      );
      const [po, to] = r(primals, tangents);
      return new JVPTracer(top, po as Value, to as Value);
    }
    if (top instanceof RevTrace) {
      const own = (a: Value) => a instanceof RevTracer && a._trace === top;
      const primals = vals.map((a) => (own(a) ? (a as RevTracer).primal : a));
      const out = (g as AnyFunction)(...primals) as Value;
      return top.custom(vals, out, (ct) => {
        // The rule is linear in the tangents: its transpose is the VJP of the tangent map.
        const [, pull] = vjp((...ts: Value[]) => r(primals, ts)[1], ...primals.map(zerosOf));
        return pull(ct) as Value[];
      });
    }
    return f(...vals);
  }) as CustomJvpFunction;
  g.defjvp = (next: JvpRule) => {
    if (typeof next !== "function")
      throw typeError(
        "defjvp: the rule must be a function (primals, tangents) => [out, tangentOut].",
      );
    jvpRule = next;
    return g;
  };
  return g;
}
