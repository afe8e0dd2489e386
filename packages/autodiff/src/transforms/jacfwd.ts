import { checkOptions } from "@nabla/ndarray";
import { BatchTrace, BatchTracer } from "../core/batchTrace.js";
import { JVPTrace, JVPTracer } from "../core/jvpTrace.js";
import { flatten, mapTree, type TreeDef, unflatten } from "../core/pytree.js";
import { closeLevel, nextLevel } from "../core/trace.js";
import { shapeOf, type Value } from "../core/value.js";
import { argnumsOf, splitAux, toPublic } from "./common.js";
import { assemble, basis, batched, forwardBlock, offsets } from "./jacobian.js";
import type {
  AnyFunction,
  AuxOf,
  DiffArgs,
  JacobianOf,
  MainOf,
  Result,
  TraceableOf,
} from "./types.js";

/**
 * Options of {@link jacfwd}, {@link jacrev} and {@link hessian}. The type parameters record
 * literal options so the result types follow them.
 */
export interface JacobianOptions<
  N extends number | readonly number[] = number | readonly number[],
  H extends boolean = boolean,
> {
  /** Which positional argument(s) to differentiate (default 0); an array gives one block per argument. */
  argnums?: N;
  /** The function returns `[output, aux]`; the result is `[jacobian, aux]`. */
  hasAux?: H;
}

/**
 * What {@link jacfwd} and {@link jacrev} return: called with concrete values where `f` takes
 * tracers, it returns the Jacobian — an NDArray for array inputs or outputs (a number only for
 * scalar in and scalar out), the output tree of input trees for pytrees; with `hasAux`,
 * `[jacobian, aux]`.
 * @example
 * const J = jacfwd((X: Tracer) => np.sin(X))(np.array([0, 1])); // J: NDArray, shape [2, 2]
 */
export type JacobianFunction<F extends AnyFunction, N = 0, H extends boolean = false> = <
  A extends TraceableOf<Parameters<F>>,
>(
  ...args: A
) => H extends true
  ? [Result<A, JacobianOf<MainOf<ReturnType<F>>, DiffArgs<A, N>>>, Result<A, AuxOf<ReturnType<F>>>]
  : Result<A, JacobianOf<ReturnType<F>, DiffArgs<A, N>>>;

/** A function returning `[output, aux]` (for `hasAux`). */
// biome-ignore lint/suspicious/noExplicitAny: as AnyFunction, parameters of any declared types.
export type PairFunction = (...args: any[]) => readonly [unknown, unknown];

/**
 * The Jacobian by forward mode: jvp of `f`, vmapped over the standard basis of the inputs (one
 * pass of the batch). Shape: output shape + input shape; pytrees give the output tree with
 * each leaf replaced by the input tree.
 * @example
 * const J = jacfwd((X) => { const [x, y] = X; return np.array([x.pow(2).mul(y), x.mul(5).add(np.sin(y))]); });
 * J(np.array([0.5, 0.5])); // array([[0.5       , 0.25      ], [5.        , 0.87758256]])
 */
export function jacfwd<F extends PairFunction, const N extends number | readonly number[] = 0>(
  f: F,
  options: JacobianOptions<N, true> & { hasAux: true },
): JacobianFunction<F, N, true>;
export function jacfwd<
  F extends AnyFunction,
  const N extends number | readonly number[] = 0,
  H extends boolean = false,
>(f: F, options?: JacobianOptions<N, H>): JacobianFunction<F, N, H>;
export function jacfwd(f: AnyFunction, options?: JacobianOptions): AnyFunction {
  checkOptions("jacfwd", options, ["argnums", "hasAux"]);
  const hasAux = options?.hasAux === true;
  return (...args: unknown[]) => {
    const { nums, tuple } = argnumsOf("jacfwd", options?.argnums, args);
    // Plain indexed loops, no closures, no iterator protocol (for-of, array destructuring) and
    // lists made at their length: this wrapper runs once per Jacobian, often many times over, and
    // much of it before V8 optimizes it.
    const inLeaves: Value[] = [];
    const inDefs: TreeDef[] = [];
    for (let k = 0; k < nums.length; k++) inDefs.push(flatten("jacfwd", args[nums[k]], inLeaves));
    const { starts, total } = offsets(inLeaves);
    const e = basis(inLeaves);
    const bLevel = nextLevel();
    const bt = new BatchTrace(bLevel, total);
    const jt = new JVPTrace(nextLevel());
    let primalsOut: Value[] = [];
    let tangentsOut: Value[] = [];
    let outDef: TreeDef;
    let aux: unknown;
    try {
      const tracers = new Array<Value>(inLeaves.length);
      for (let k = 0; k < inLeaves.length; k++)
        tracers[k] = new JVPTracer(jt, inLeaves[k], new BatchTracer(bt, e[k], 0));
      const at = { i: 0 };
      const full = args.slice();
      for (let k = 0; k < nums.length; k++) full[nums[k]] = unflatten(inDefs[k], tracers, at);
      const res = splitAux("jacfwd", f(...full), hasAux);
      const raw: Value[] = [];
      outDef = flatten("jacfwd", res[0], raw);
      primalsOut = new Array<Value>(raw.length);
      tangentsOut = new Array<Value>(raw.length);
      for (let j = 0; j < raw.length; j++) {
        const leaf = raw[j];
        const own = leaf instanceof JVPTracer && leaf._trace === jt;
        const p = own ? leaf.primal : leaf;
        primalsOut[j] = p;
        tangentsOut[j] = batched(bt, own ? leaf.tangent : null, p, total);
      }
      if (hasAux) aux = unwrapAux(res[1], jt);
    } finally {
      closeLevel(bLevel);
    }
    const blocks: Value[][] = [];
    for (let j = 0; j < primalsOut.length; j++) {
      const row: Value[] = [];
      const outShape = shapeOf(primalsOut[j]);
      for (let k = 0; k < inLeaves.length; k++)
        row.push(forwardBlock(tangentsOut[j], outShape, shapeOf(inLeaves[k]), starts[k], total));
      blocks.push(row);
    }
    const jac = toPublic(assemble(outDef, blocks, inDefs, tuple));
    return hasAux ? [jac, toPublic(aux)] : jac;
  };
}

function unwrapAux(a: unknown, jt: JVPTrace): unknown {
  return mapTree("jacfwd", a, (l) => (l instanceof JVPTracer && l._trace === jt ? l.primal : l));
}
