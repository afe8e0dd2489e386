import { checkOptions, formatShape, ShapeError, sameShape, typeError } from "@nabla/ndarray";
import { JVPTrace, JVPTracer } from "../core/jvpTrace.js";
import { flatten, mapTree, sameStructure, type TreeDef, unflatten } from "../core/pytree.js";
import { closeLevel, nextLevel } from "../core/trace.js";
import { shapeOf, type Value } from "../core/value.js";
import { splitAux, toPublic, zerosOf } from "./common.js";
import type { AnyFunction, AuxOf, ConcreteOf, MainOf, TraceableOf } from "./types.js";

/** Options of {@link jvp}. */
export interface JvpOptions<H extends boolean = boolean> {
  /** The function returns `[output, aux]`; aux comes back as a third element. */
  hasAux?: H;
}

/**
 * What {@link jvp} returns: `[output, tangent]` (both of the output's structure, each `Tracer`
 * of `f`'s result as `number | NDArray`); with `hasAux`, `[output, tangent, aux]`. (Called
 * inside another transform, on tracers, the leaves are tracers.)
 * @example
 * const [y, t] = jvp((x: Tracer) => np.sin(x), [0], [1]); // y, t: number | NDArray (here 0 and 1)
 */
export type JvpResult<F extends AnyFunction, H extends boolean = false> = H extends true
  ? [ConcreteOf<MainOf<ReturnType<F>>>, ConcreteOf<MainOf<ReturnType<F>>>, AuxOf<ReturnType<F>>]
  : [ConcreteOf<ReturnType<F>>, ConcreteOf<ReturnType<F>>];

/**
 * Forward mode: `[f(...primals), J·tangents]` in one pass. `primals` and `tangents` are arrays
 * with one entry per argument of `f`, of the same structure and shapes.
 * @example
 * jvp(np.sin, [0], [1]); // [0, 1]
 */
export function jvp<F extends AnyFunction, H extends boolean = false>(
  f: F,
  primals: Readonly<TraceableOf<Parameters<F>>>,
  tangents: Readonly<TraceableOf<Parameters<F>>>,
  options?: JvpOptions<H>,
): JvpResult<F, H>;
export function jvp(
  f: AnyFunction,
  primals: readonly unknown[],
  tangents: readonly unknown[],
  options?: JvpOptions,
): unknown {
  checkOptions("jvp", options, ["hasAux"]);
  if (!Array.isArray(primals) || !Array.isArray(tangents)) {
    throw typeError(
      `jvp: primals and tangents must be arrays with one entry per argument of f (e.g. jvp(f, [x], [v])); got ${Array.isArray(primals) ? "an array" : typeof primals} and ${Array.isArray(tangents) ? "an array" : typeof tangents}.`,
    );
  }
  const pl: Value[] = [];
  const tl: Value[] = [];
  const pdef = flatten("jvp", primals, pl);
  const tdef = flatten("jvp", tangents, tl);
  if (!sameStructure(pdef, tdef)) {
    throw typeError(
      "jvp: primals and tangents must have the same structure (same nesting of arrays and objects).",
    );
  }
  for (let k = 0; k < pl.length; k++) {
    if (!sameShape(shapeOf(pl[k]), shapeOf(tl[k]))) {
      throw new ShapeError(
        `jvp called with different primal and tangent shapes: primal ${formatShape(shapeOf(pl[k]))}, tangent ${formatShape(shapeOf(tl[k]))}.`,
      );
    }
  }
  const level = nextLevel();
  const trace = new JVPTrace(level);
  const po: Value[] = [];
  const to: Value[] = [];
  let outDef: TreeDef;
  let aux: unknown;
  try {
    const args = unflatten(
      pdef,
      pl.map((p, k) => new JVPTracer(trace, p, tl[k])),
    ) as unknown[];
    const [out, a] = splitAux("jvp", f(...args), options?.hasAux === true);
    const raw: Value[] = [];
    outDef = flatten("jvp", out, raw);
    for (const leaf of raw) {
      if (leaf instanceof JVPTracer && leaf._trace === trace) {
        po.push(leaf.primal);
        to.push(leaf.tangent ?? zerosOf(leaf.primal));
      } else {
        po.push(leaf);
        to.push(zerosOf(leaf));
      }
    }
    if (options?.hasAux) {
      aux = mapTree("jvp", a, (l) => (l instanceof JVPTracer && l._trace === trace ? l.primal : l));
    }
  } finally {
    closeLevel(level);
  }
  const result = [toPublic(unflatten(outDef, po)), toPublic(unflatten(outDef, to))];
  if (options?.hasAux) result.push(toPublic(aux));
  return result;
}
