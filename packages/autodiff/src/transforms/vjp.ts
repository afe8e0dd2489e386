import { flatten, unflatten } from "../core/pytree.js";
import type { Value } from "../core/value.js";
import { toPublic, zerosOf } from "./common.js";
import type {
  AnyFunction,
  ConcreteOf,
  GradOf,
  HasTracer,
  Result,
  TraceableOf,
  TracedOf,
} from "./types.js";
import { checkCotangents, linearize } from "./vjpCore.js";

/**
 * What {@link vjp} returns for primals `A`: `[output, pullback]`. The output has `f`'s result
 * type with each `Tracer` as `number | NDArray`; the pullback takes a cotangent of the output's
 * structure and returns one cotangent per primal, each typed as its primal (see {@link GradOf}).
 * @example
 * const [y, pull] = vjp((x: Tracer) => np.sin(x), np.array([0, 1]));
 * const [g] = pull(np.array([1, 1])); // g: NDArray, cos([0, 1])
 */
export type VjpResult<F extends AnyFunction, A extends readonly unknown[]> = [
  Result<A, ConcreteOf<ReturnType<F>>>,
  <C extends TracedOf<ReturnType<F>>>(
    ct: C,
  ) => HasTracer<[A, C]> extends true ? TracedOf<GradOf<A>> : GradOf<A>,
];

/**
 * Reverse mode: evaluates `f(...primals)` and returns `[out, vjpFn]`, where `vjpFn(ct)` maps a
 * cotangent shaped like `out` to the cotangents of all the primals (always an array with one
 * entry per primal), computed by one backward pass over the recorded program. `vjpFn` can be
 * called many times (and inside other transforms).
 * @example
 * const [y, pull] = vjp((x) => np.sin(x), 0.5);
 * pull(1); // [0.8775825618903728]
 */
export function vjp<F extends AnyFunction, A extends TraceableOf<Parameters<F>>>(
  f: F,
  ...primals: A
): VjpResult<F, A>;
export function vjp(f: AnyFunction, ...primals: unknown[]): unknown {
  return vjpWith(f, primals, false);
}

function vjpWith(f: AnyFunction, primals: readonly unknown[], hasAux: boolean): unknown[] {
  const lin = linearize("vjp", f, primals, hasAux);
  const out = toPublic(unflatten(lin.outDef, lin.outLeaves));
  const vjpFn = (ct: unknown): unknown[] => {
    const cts: Value[] = [];
    flatten("vjp", ct, cts);
    checkCotangents("vjp", lin.outLeaves, cts);
    const grads = lin.pullback(cts);
    const leaves = grads.map((g, k) => (g === null ? zerosOf(lin.inLeaves[k]) : g));
    const at = { i: 0 };
    return lin.inDefs.map((d) => toPublic(unflatten(d, leaves, at)));
  };
  return hasAux ? [out, vjpFn, toPublic(lin.aux)] : [out, vjpFn];
}
