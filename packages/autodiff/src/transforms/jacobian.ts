import { type DType, eye, type NDArray, sameShape, sizeOf, zeros } from "@nabla/ndarray";
import type { BatchTrace } from "../core/batchTrace.js";
import { BatchTracer } from "../core/batchTrace.js";
import { type TreeDef, unflatten } from "../core/pytree.js";
import { dtypeOf, shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { materialize } from "../primitives/batching.js";

/** Offsets of each leaf in the flattened concatenation of all leaves. */
export function offsets(leaves: readonly Value[]): { starts: number[]; total: number } {
  const starts: number[] = [];
  let total = 0;
  for (const l of leaves) {
    starts.push(total);
    total += sizeOf(shapeOf(l));
  }
  return { starts, total };
}

/**
 * The standard basis split over leaves: for leaf k, an array [total, ...shape_k] whose row i is
 * the i-th unit vector restricted to that leaf; float32 when every leaf is float32, else float64.
 */
export function basis(leaves: readonly Value[]): NDArray[] {
  let dtype: DType = "float32";
  for (let k = 0; k < leaves.length; k++) if (dtypeOf(leaves[k]) !== "float32") dtype = "float64";
  // The bases are constants that nothing mutates: keep the most recent few (a Jacobian is
  // usually evaluated many times at inputs of one shape). Looked up by comparing shapes, not by a
  // string key: building and hashing a new string was most of the cost of a hit.
  for (let c = 0; c < cache.length; c++) if (fits(cache[c], dtype, leaves)) return cache[c].bases;
  const { starts, total } = offsets(leaves);
  const e = eye(total, { dtype });
  const bases = leaves.map((l, k) => {
    const shape = shapeOf(l);
    const n = sizeOf(shape);
    return e.slice(":", `${starts[k]}:${starts[k] + n}`).reshape([total, ...shape]);
  });
  if (cache.length >= 32) cache.pop();
  cache.unshift({ dtype, shapes: leaves.map((l) => shapeOf(l).slice()), bases });
  return bases;
}

interface CachedBasis {
  readonly dtype: DType;
  readonly shapes: readonly (readonly number[])[];
  readonly bases: NDArray[];
}

const cache: CachedBasis[] = [];

function fits(entry: CachedBasis, dtype: DType, leaves: readonly Value[]): boolean {
  if (entry.dtype !== dtype || entry.shapes.length !== leaves.length) return false;
  for (let k = 0; k < leaves.length; k++)
    if (!sameShape(entry.shapes[k], shapeOf(leaves[k]))) return false;
  return true;
}

/** A batch-trace value as an array with the batch axis first (zeros/broadcast as needed). */
export function batched(trace: BatchTrace, v: Value | null, like: Value, size: number): Value {
  if (v === null) return zeros([size, ...shapeOf(like)], { dtype: dtypeOf(like) });
  if (v instanceof BatchTracer && v._trace === trace) return materialize(v.val, v.dim, size);
  return materialize(v, null, size);
}

/**
 * Assembles the Jacobian blocks: `rows[j]` holds, for output leaf j, one array per input leaf
 * (shape [...out_j, ...in_k]); the result is the output tree with each leaf replaced by the
 * input structure (an array over arguments when `tuple`).
 */
export function assemble(
  outDef: TreeDef,
  blocks: Value[][],
  inDefs: readonly TreeDef[],
  tuple: boolean,
): unknown {
  // Plain loops, no callbacks: this runs once per Jacobian, often many times over.
  const perOut = new Array<unknown>(blocks.length);
  for (let j = 0; j < blocks.length; j++) {
    const at = { i: 0 };
    if (!tuple) perOut[j] = unflatten(inDefs[0], blocks[j], at);
    else {
      const trees = new Array<unknown>(inDefs.length);
      for (let k = 0; k < inDefs.length; k++) trees[k] = unflatten(inDefs[k], blocks[j], at);
      perOut[j] = trees;
    }
  }
  return unflatten(outDef, perOut);
}

/** Block (j, k) from a forward-mode result `t` of shape [total_in, ...out_j]. */
export function forwardBlock(
  t: Value,
  outShape: readonly number[],
  inShape: readonly number[],
  start: number,
  total: number,
): Value {
  const n = sizeOf(inShape);
  const rank = outShape.length;
  const part = n === total ? t : np.slice(t, `${start}:${start + n}`);
  const moved = rank === 0 ? part : np.moveaxis(part, 0, -1);
  return np.reshape(moved, [...outShape, ...inShape]);
}

/** Block (j, k) from a reverse-mode result `g` of shape [total_out, ...in_k]. */
export function reverseBlock(
  g: Value,
  outShape: readonly number[],
  inShape: readonly number[],
  start: number,
  total: number,
): Value {
  const m = sizeOf(outShape);
  const part = m === total ? g : np.slice(g, `${start}:${start + m}`);
  return np.reshape(part, [...outShape, ...inShape]);
}
