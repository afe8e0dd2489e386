import { checkOptions, formatShape, NDArray, ones, typeError } from "@nabla/ndarray";
import { flatten, unflatten } from "../core/pytree.js";
import type { Tracer } from "../core/tracer.js";
import { dtypeOf, isFloatDType, shapeOf, type Value } from "../core/value.js";
import { argnumsOf, describeOutput, toPublic, unaliased, zerosOf } from "./common.js";
import type {
  AnyFunction,
  DiffArgs,
  GradOf,
  HasTracer,
  ScalarAuxOf,
  TraceableOf,
  TracedOf,
} from "./types.js";
import { linearizeArgs } from "./vjpCore.js";

/**
 * Options of {@link grad} and {@link valueAndGrad}. The type parameters record literal options
 * (`{ argnums: [0, 1], hasAux: true }`) so the result types follow them.
 */
export interface GradOptions<
  N extends number | readonly number[] = number | readonly number[],
  H extends boolean = boolean,
> {
  /** Which positional argument(s) to differentiate with respect to (default 0); an array gives an array of gradients. */
  argnums?: N;
  /** The function returns `[output, aux]`; aux is passed through, not differentiated. */
  hasAux?: H;
}

/** A function returning `[output, aux]` (for `hasAux`). */
// biome-ignore lint/suspicious/noExplicitAny: as AnyFunction, parameters of any declared types.
export type AuxFunction = (...args: any[]) => readonly [unknown, unknown];

/** The aux of `F` as returned for arguments `A` (tracers in, tracers out). */
export type AuxResult<F extends AnyFunction, A> =
  HasTracer<A> extends true ? TracedOf<ScalarAuxOf<ReturnType<F>>> : ScalarAuxOf<ReturnType<F>>;

/** The gradient for arguments `A`: the structure and leaf types of the differentiated ones. */
export type GradResult<A extends readonly unknown[], N> = GradOf<DiffArgs<A, N>>;

/**
 * What {@link grad} returns: called with concrete values where `f` takes tracers, it returns
 * the gradient typed as the argument(s) it differentiates (`grad(f)(10)` is a number,
 * `grad(f)(np.array([1, 2]))` an NDArray); with `hasAux`, `[gradient, aux]`.
 * @example
 * const df: GradFunction<(x: Tracer) => Tracer> = grad((x: Tracer) => np.sin(x));
 * const d: number = df(0); // 1
 */
export type GradFunction<F extends AnyFunction, N = 0, H extends boolean = false> = <
  A extends TraceableOf<Parameters<F>>,
>(
  ...args: A
) => H extends true ? [GradResult<A, N>, AuxResult<F, A>] : GradResult<A, N>;

/**
 * What {@link valueAndGrad} returns: `[value, gradient]`, with `hasAux` `[[value, aux], gradient]`.
 * @example
 * const [v, g] = valueAndGrad((x: Tracer) => np.sum(np.square(x)))(np.array([1, 2])); // v: number, g: NDArray
 */
export type ValueAndGradFunction<F extends AnyFunction, N = 0, H extends boolean = false> = <
  A extends TraceableOf<Parameters<F>>,
>(
  ...args: A
) => H extends true
  ? [[ValueResult<A>, AuxResult<F, A>], GradResult<A, N>]
  : [ValueResult<A>, GradResult<A, N>];

/** The value of a scalar function: a JS number (a tracer when called inside another transform). */
export type ValueResult<A> = HasTracer<A> extends true ? number | Tracer : number;

/** @internal The shared core of grad and valueAndGrad: [value, grads, aux]. */
export function gradCore(
  fn: string,
  f: AnyFunction,
  options: GradOptions | undefined,
  args: readonly unknown[],
): [unknown, unknown, unknown] {
  const { nums, tuple } = argnumsOf(fn, options?.argnums, args);
  const lin = linearizeArgs(fn, f, args, nums, options?.hasAux === true);
  if (lin.outDef.kind !== "leaf") {
    throw typeError(
      `${fn}: the function must return a scalar, but it returned ${describeOutput(unflatten(lin.outDef, lin.outLeaves))}.`,
    );
  }
  const out = lin.outLeaves[0];
  const shape = shapeOf(out);
  if (shape.length !== 0) {
    throw typeError(
      `${fn}: the function must return a scalar, but it returned shape ${formatShape(shape)}. For one derivative per element use vmap(grad(f)); for a Jacobian use jacrev(f)${shape.every((n) => n === 1) ? "; or reduce a size-1 output with np.reshape(out, [])" : ""}.`,
    );
  }
  const dtype = dtypeOf(out);
  if (!isFloatDType(dtype)) {
    throw typeError(
      `${fn} requires real-valued outputs (dtype float64 or float32), but the function returned ${dtype}.`,
    );
  }
  const seed: Value = dtype === "float64" ? 1 : ones([], { dtype });
  const grads = lin.pullback([seed]);
  const argLeaves: Value[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a instanceof NDArray) argLeaves.push(a);
    else if (typeof a === "object" && a !== null) flattenLoose(a, argLeaves);
  }
  const leaves = grads.map((v, k) =>
    v === null ? zerosOf(lin.inLeaves[k]) : unaliased(v, argLeaves),
  );
  const at = { i: 0 };
  const trees = lin.inDefs.map((d) => toPublic(unflatten(d, leaves, at)));
  return [
    toPublic(out),
    tuple ? trees : trees[0],
    lin.aux === undefined ? undefined : toPublic(lin.aux),
  ];
}

/**
 * A function returning `[f(...args), grad f(...args)]` in one forward and one backward pass;
 * with `hasAux`, `[[value, aux], grad]`.
 * @example
 * valueAndGrad(np.sin)(0.5); // [0.479425538604203, 0.8775825618903728]
 */
export function valueAndGrad<F extends AuxFunction, const N extends number | readonly number[] = 0>(
  f: F,
  options: GradOptions<N, true> & { hasAux: true },
): ValueAndGradFunction<F, N, true>;
export function valueAndGrad<
  F extends AnyFunction,
  const N extends number | readonly number[] = 0,
  H extends boolean = false,
>(f: F, options?: GradOptions<N, H>): ValueAndGradFunction<F, N, H>;
export function valueAndGrad(f: AnyFunction, options?: GradOptions): AnyFunction {
  checkOptions("valueAndGrad", options, ["argnums", "hasAux"]);
  return (...args: unknown[]) => {
    const res = gradCore("valueAndGrad", f, options, args);
    return options?.hasAux ? [[res[0], res[2]], res[1]] : [res[0], res[1]];
  };
}

/** The leaves of an argument that may not be a pytree (then: none). */
function flattenLoose(a: unknown, out: Value[]): void {
  try {
    flatten("grad", a, out);
  } catch {
    // not a pytree: it holds no arrays a gradient could alias
  }
}
