import type { Concrete, Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

/** Parameters of the reductions: normalized, sorted axes and numpy's keepdims. */
export interface ReduceParams {
  axes: readonly number[];
  keepdims: boolean;
}

/** The reduced shape with the reduced axes kept as length 1. */
function keptShape(inShape: readonly number[], axes: readonly number[]): number[] {
  return inShape.map((n, i) => (axes.includes(i) ? 1 : n));
}

/** A reduction's output-shaped value, broadcast back over the input's shape. */
export function unreduce(
  v: Value,
  inShape: readonly number[],
  { axes, keepdims }: ReduceParams,
): Value {
  const kept = keepdims ? v : np.reshape(v, keptShape(inShape, axes));
  return np.broadcastTo(kept, inShape);
}

/** vmap rule shared by reductions: the batch axis goes first, the reduced axes shift by one. */
export function reduceBatch(
  reduce: (x: Value, params: ReduceParams) => Value,
  x: Value,
  d: number,
  params: ReduceParams,
): [Value, number] {
  return [
    reduce(moveToFront(x, d), { axes: params.axes.map((a) => a + 1), keepdims: params.keepdims }),
    0,
  ];
}

export function showReduce(p: ReduceParams): string {
  return `axes=[${p.axes.join(",")}]${p.keepdims ? " keepdims" : ""}`;
}

/** ndarray's options for a reduction: none for a full reduction (so a JS number comes back). */
export function ndOptions(
  x: Concrete,
  { axes, keepdims }: ReduceParams,
): { axis?: number[]; keepdims?: boolean } {
  const ndim = typeof x === "number" ? 0 : x.ndim;
  if (!keepdims && axes.length === ndim) return {};
  return { axis: [...axes], keepdims };
}
