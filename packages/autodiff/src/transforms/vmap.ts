import { checkOptions, formatShape, rangeError, typeError } from "@nabla/ndarray";
import { BatchTrace, BatchTracer } from "../core/batchTrace.js";
import { flatten, leafCount, type TreeDef, unflatten } from "../core/pytree.js";
import { closeLevel, nextLevel } from "../core/trace.js";
import { shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { toPublic } from "./common.js";
import type { AnyFunction, BatchedOf, LeavesAsConcrete, Result, TraceableOf } from "./types.js";

/** An axis spec: an axis, `null` (not mapped), or a tree of them matching (a prefix of) the value. */
export type AxisSpec = number | null | readonly AxisSpec[] | { readonly [key: string]: AxisSpec };

/** Options of {@link vmap}. */
export interface VmapOptions {
  /** Mapped axis of each positional argument: one spec for all, or an array with one per argument (default 0). */
  inAxes?: AxisSpec;
  /** Where the mapped axis goes in each output (default 0); `null` for outputs that are not batched. */
  outAxes?: AxisSpec;
  /** The batch size, needed only when no argument is mapped. */
  axisSize?: number;
}

/**
 * What {@link vmap} returns: the parameters of `f` with each `Tracer` as `number | NDArray`, and
 * its result with each leaf an NDArray carrying the batch axis (with `outAxes` containing
 * `null`, unbatched leaves stay as they are, so leaves are typed `number | NDArray`).
 * @example
 * const ys = vmap(grad((x: Tracer) => np.power(x, 2)))(np.array([1, 2])); // ys: NDArray, [2, 4]
 */
export type VmapFunction<F extends AnyFunction, Batched extends boolean = true> = <
  A extends TraceableOf<Parameters<F>>,
>(
  ...args: A
) => Result<A, Batched extends true ? BatchedOf<ReturnType<F>> : LeavesAsConcrete<ReturnType<F>>>;

/** One axis per leaf of `def`, spreading a prefix spec over subtrees. */
function axesFor(
  fn: string,
  what: string,
  spec: AxisSpec | undefined,
  def: TreeDef,
  out: (number | null)[],
): void {
  if (spec === undefined) spec = 0;
  if (spec === null || typeof spec === "number") {
    const n = leafCount(def);
    for (let i = 0; i < n; i++) out.push(spec);
    return;
  }
  if (def.kind === "array" && Array.isArray(spec)) {
    if (spec.length !== def.children.length) {
      throw rangeError(
        `${fn}: ${what} has ${spec.length} entries but the value has ${def.children.length}.`,
      );
    }
    def.children.forEach((c, i) => {
      axesFor(fn, what, (spec as readonly AxisSpec[])[i], c, out);
    });
    return;
  }
  if (def.kind === "object" && !Array.isArray(spec) && typeof spec === "object") {
    const rec = spec as { readonly [key: string]: AxisSpec };
    def.keys.forEach((k, i) => {
      axesFor(fn, what, rec[k], def.children[i], out);
    });
    return;
  }
  throw typeError(
    `${fn}: ${what} must be an int, null, or a tree matching the value's structure, got ${JSON.stringify(spec)}.`,
  );
}

/**
 * Vectorizes `f` over an axis of its arguments: `f` runs once, on whole batches, through each
 * primitive's batching rule (no JS loop over the elements). `vmap(grad(f))(x)` gives one
 * derivative per element.
 * @example
 * vmap(grad((x) => np.power(x, 2)))(np.array([1.5, 2, -2, 5])); // array([ 3.,  4., -4., 10.])
 */
export function vmap<F extends AnyFunction>(
  f: F,
  options?: VmapOptions & { outAxes?: number },
): VmapFunction<F>;
export function vmap<F extends AnyFunction>(f: F, options?: VmapOptions): VmapFunction<F, false>;
export function vmap(f: AnyFunction, options?: VmapOptions): AnyFunction {
  checkOptions("vmap", options, ["inAxes", "outAxes", "axisSize"]);
  const inSpec = options?.inAxes === undefined ? 0 : options.inAxes;
  return (...args: unknown[]) => {
    if (Array.isArray(inSpec) && inSpec.length !== args.length) {
      throw rangeError(
        `vmap in_axes must be an int, null, or an array with one entry per positional argument, but got inAxes of length ${inSpec.length} for ${args.length} arguments.`,
      );
    }
    const leaves: Value[] = [];
    const defs: TreeDef[] = [];
    const axes: (number | null)[] = [];
    args.forEach((a, i) => {
      const d = flatten("vmap", a, leaves);
      defs.push(d);
      axesFor(
        "vmap",
        "inAxes",
        Array.isArray(inSpec) ? (inSpec as readonly AxisSpec[])[i] : inSpec,
        d,
        axes,
      );
    });
    let size = options?.axisSize;
    const norm = axes.map((ax, k) => {
      if (ax === null) return null;
      const shape = shapeOf(leaves[k]);
      if (shape.length === 0) {
        throw rangeError(
          `vmap was requested to map its argument along axis ${ax}, which implies that its rank should be at least 1, but is only 0 (its shape is []).`,
        );
      }
      if (!Number.isInteger(ax) || ax < -shape.length || ax >= shape.length) {
        throw rangeError(
          `vmap: in axis ${ax} is out of bounds for an argument of shape ${formatShape(shape)}.`,
        );
      }
      const a = ax < 0 ? ax + shape.length : ax;
      if (size === undefined) size = shape[a];
      else if (shape[a] !== size) {
        throw rangeError(
          `vmap got inconsistent sizes for array axes to be mapped: axis ${a} of an argument of shape ${formatShape(shape)} has size ${shape[a]}, but others have size ${size}.`,
        );
      }
      return a;
    });
    if (size === undefined) {
      throw rangeError(
        "vmap must have at least one non-null value in inAxes or axisSize must be specified.",
      );
    }
    const level = nextLevel();
    const trace = new BatchTrace(level, size);
    const vals: Value[] = [];
    const dims: (number | null)[] = [];
    let outDef: TreeDef;
    try {
      const tracers = leaves.map((l, k) =>
        norm[k] === null ? l : new BatchTracer(trace, l, norm[k]),
      );
      const at = { i: 0 };
      const res = f(...defs.map((d) => unflatten(d, tracers, at)));
      const raw: Value[] = [];
      outDef = flatten("vmap", res, raw);
      for (let j = 0; j < raw.length; j++) {
        const leaf = raw[j];
        if (leaf instanceof BatchTracer && leaf._trace === trace) {
          vals.push(leaf.val);
          dims.push(leaf.dim);
        } else {
          vals.push(leaf);
          dims.push(null);
        }
      }
    } finally {
      closeLevel(level);
    }
    const outAxes: (number | null)[] = [];
    axesFor(
      "vmap",
      "outAxes",
      options?.outAxes === undefined ? 0 : options.outAxes,
      outDef,
      outAxes,
    );
    const n = size;
    const outs = vals.map((v, k) => placeAxis(v, dims[k], outAxes[k], n));
    return toPublic(unflatten(outDef, outs));
  };
}

/** Puts a result's batch axis at `to` (broadcasting unbatched results). */
function placeAxis(v: Value, dim: number | null, to: number | null, size: number): Value {
  if (to === null) {
    if (dim !== null) {
      throw rangeError(`vmap: got outAxes null but the output was batched on axis ${dim}.`);
    }
    return v;
  }
  const shape = shapeOf(v);
  const rank = shape.length + (dim === null ? 1 : 0);
  if (!Number.isInteger(to) || to < -rank || to >= rank) {
    throw rangeError(`vmap: out axis ${to} is out of bounds for an output of rank ${rank}.`);
  }
  const dest = to < 0 ? to + rank : to;
  if (dim === null) {
    const expanded = np.expandDims(v, dest);
    const target = [...shape];
    target.splice(dest, 0, size);
    return np.broadcastTo(expanded, target);
  }
  return dim === dest ? v : np.moveaxis(v, dim, dest);
}
