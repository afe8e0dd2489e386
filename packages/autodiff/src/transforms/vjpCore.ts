import { formatShape, rangeError, sameShape } from "@nabla/ndarray";
import { flatten, mapTree, type TreeDef, unflatten } from "../core/pytree.js";
import { RevTrace, RevTracer } from "../core/revTrace.js";
import { closeLevel, nextLevel } from "../core/trace.js";
import { Tracer } from "../core/tracer.js";
import { dtypeOf, isFloatDType, shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { splitAux } from "./common.js";

/** The forward pass of reverse mode, with a pullback over flat leaves. */
export interface Linearized {
  inDefs: TreeDef[];
  inLeaves: Value[];
  outDef: TreeDef;
  /** The primal outputs (values of the levels below). */
  outLeaves: Value[];
  aux: unknown;
  /** Cotangents of the input leaves (null where none flowed) for cotangents of the output leaves. */
  pullback(cts: readonly Value[]): (Value | null)[];
}

/** Primal values of `tree` with this trace's tracers unwrapped (for aux outputs). */
function strip(trace: RevTrace, tree: unknown): unknown {
  try {
    return mapTree("aux", tree, (l) =>
      l instanceof RevTracer && l._trace === trace ? l.primal : l,
    );
  } catch {
    return tree;
  }
}

/** Runs `f` on taped inputs (reverse mode's forward pass). */
export function linearize(
  fn: string,
  f: (...args: unknown[]) => unknown,
  primals: readonly unknown[],
  hasAux: boolean,
): Linearized {
  const level = nextLevel();
  const trace = new RevTrace(level);
  const inLeaves: Value[] = [];
  const inDefs = primals.map((p) => flatten(fn, p, inLeaves));
  const inIds: number[] = [];
  let outDef: TreeDef;
  const outRaw: Value[] = [];
  let aux: unknown;
  try {
    const tracers = inLeaves.map((l) => {
      const t = trace.input(l);
      inIds.push(t.id);
      return t;
    });
    const at = { i: 0 };
    const args = inDefs.map((d) => unflatten(d, tracers, at));
    const res = splitAux(fn, f(...args), hasAux);
    outDef = flatten(fn, res[0], outRaw);
    aux = hasAux ? strip(trace, res[1]) : undefined;
  } finally {
    closeLevel(level);
  }
  const ownIds = outRaw.map((l) => (l instanceof RevTracer && l._trace === trace ? l.id : -1));
  const outLeaves = outRaw.map((l) =>
    l instanceof RevTracer && l._trace === trace ? l.primal : l,
  );
  return {
    inDefs,
    inLeaves,
    outDef,
    outLeaves,
    aux,
    pullback(cts) {
      const ids: number[] = [];
      const vals: Value[] = [];
      for (let k = 0; k < cts.length; k++) {
        if (ownIds[k] < 0) continue;
        ids.push(ownIds[k]);
        vals.push(cts[k]);
      }
      if (ids.length === 0) return inIds.map(() => null);
      // A cotangent has its primal's dtype (a float32 input gets a float32 gradient, as jax).
      return trace.backward(ids, vals, inIds).map((g, k) => {
        const want = dtypeOf(inLeaves[k]);
        return g === null || dtypeOf(g) === want || !isFloatDType(want) ? g : np.astype(g, want);
      });
    },
  };
}

/**
 * {@link linearize} of `f` with respect to its arguments at positions `nums` (the others held at
 * their values in `args`): grad's, valueAndGrad's and jacrev's forward pass.
 */
export function linearizeArgs(
  fn: string,
  f: (...args: unknown[]) => unknown,
  args: readonly unknown[],
  nums: readonly number[],
  hasAux: boolean,
): Linearized {
  const g = (...d: unknown[]) => {
    const full = args.slice();
    for (let k = 0; k < nums.length; k++) full[nums[k]] = d[k];
    return f(...full);
  };
  return linearize(
    fn,
    g,
    nums.map((i) => args[i]),
    hasAux,
  );
}

/** Checks cotangents against the outputs they pull back. */
export function checkCotangents(
  fn: string,
  outLeaves: readonly Value[],
  cts: readonly Value[],
): void {
  if (cts.length !== outLeaves.length) {
    throw rangeError(
      `${fn}: the cotangent has ${cts.length} leaves but the output has ${outLeaves.length}.`,
    );
  }
  for (let k = 0; k < cts.length; k++) {
    const a = shapeOf(outLeaves[k]);
    const b = shapeOf(cts[k]);
    if (!sameShape(a, b) && !(cts[k] instanceof Tracer)) {
      throw rangeError(
        `${fn}: cotangent shape ${formatShape(b)} does not match the output shape ${formatShape(a)}.`,
      );
    }
  }
}
