import { typeError } from "@nabla/ndarray";
import { JVPTrace } from "../core/jvpTrace.js";
import { RevTrace, RevTracer } from "../core/revTrace.js";
import type { Value } from "../core/value.js";
import { checkValues, topTrace } from "./custom.js";
import type { AnyFunction, ConcreteOf, Result, TraceableOf } from "./types.js";

/** The forward half: `[out, residuals]`. */
export type VjpForward<R = unknown> = (...args: Value[]) => [unknown, R];
/** The backward half: one cotangent per argument (null for none) from the residuals and the output cotangent. */
export type VjpBackward<R = unknown> = (residuals: R, ct: Value) => readonly (Value | null)[];

/**
 * A function with a custom VJP rule. Typed from `f`: it takes tracers or, where `f` takes a
 * `Tracer`, `number | NDArray`.
 */
export interface CustomVjpFunction<F extends AnyFunction = AnyFunction> {
  <A extends TraceableOf<Parameters<F>>>(...args: A): Result<A, ConcreteOf<ReturnType<F>>>;
  /** Sets the rule and returns the function (jax's `f.defvjp`). */
  defvjp<R>(fwd: VjpForward<R>, bwd: VjpBackward<R>): CustomVjpFunction<F>;
}

/**
 * `f` with a hand-written reverse rule, jax's `custom_vjp`: under grad/vjp/jacrev, `fwd` computes
 * the output and residuals and `bwd` maps the output cotangent to the arguments' cotangents
 * (written with np ops, it can be differentiated again, e.g. by hessian). Forward mode is not
 * defined for it (as in jax). Arguments are numbers/NDArrays/tracers, the output one value.
 * @example
 * // gradient clipping
 * const clipGrad = customVjp((x) => x, (x) => [x, null], (_r, ct) => [np.clip(ct, -1, 1)]);
 * grad((x) => np.multiply(clipGrad(x), 10))(2); // 1
 */
export function customVjp<F extends AnyFunction, R>(
  f: F,
  fwd?: VjpForward<R>,
  bwd?: VjpBackward<R>,
): CustomVjpFunction<F> {
  let rule: [VjpForward<unknown>, VjpBackward<unknown>] | undefined =
    fwd && bwd ? [fwd, bwd as VjpBackward<unknown>] : undefined;
  const g = ((...args: unknown[]) => {
    const vals = checkValues("customVjp", args);
    const top = topTrace(vals);
    if (top === null || rule === undefined) return f(...vals);
    if (top instanceof RevTrace) {
      const primals = vals.map((a) => (a instanceof RevTracer && a._trace === top ? a.primal : a));
      const [out, residuals] = rule[0](...primals);
      const backward = rule[1];
      return top.custom(vals, out as Value, (ct) => backward(residuals, ct));
    }
    if (top instanceof JVPTrace) {
      throw typeError(
        "customVjp: can't apply forward-mode autodiff (jvp, jacfwd) to a customVjp function; use jacrev or grad, or define it with customJvp.",
      );
    }
    return f(...vals);
  }) as unknown as CustomVjpFunction<F>;
  g.defvjp = <S>(nf: VjpForward<S>, nb: VjpBackward<S>) => {
    if (typeof nf !== "function" || typeof nb !== "function")
      throw typeError("defvjp: fwd and bwd must be functions.");
    rule = [nf, nb as VjpBackward<unknown>];
    return g;
  };
  return g;
}
