import { arange, asarray, NDArray, type SliceSpec } from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { shapeOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { moveToFront } from "./batching.js";

export interface SliceParams {
  /** One spec per input axis plus `null`s for new axes (no `"..."`): NDArray.slice's specs. */
  specs: readonly SliceSpec[];
}

/** The positions a spec selects along an axis of length n, in order. */
function positions(spec: string, n: number): number[] {
  return (arange(n).slice(spec).toArray() as number[]).map(Math.round);
}

/**
 * The transpose of slicing: scatters `ct` into zeros of the input's shape. Integer indices
 * become a padded length-1 axis, strided slices are spread with zeros between them, reversed
 * slices are flipped first; all of it with traceable ops (pad, reshape, slice).
 */
function unslice(ct: Value, inShape: readonly number[], specs: readonly SliceSpec[]): Value {
  const ctShape = shapeOf(ct);
  const mid: number[] = [];
  let j = 0;
  for (const s of specs) {
    if (s === null) j++;
    else if (typeof s === "number") mid.push(1);
    else mid.push(ctShape[j++]);
  }
  let g: Value = np.reshape(ct, mid);
  let axis = 0;
  for (const s of specs) {
    if (s === null) continue;
    const n = inShape[axis];
    if (typeof s === "number") {
      const k = s < 0 ? s + n : s;
      g = np.pad1(g, axis, k, n - k - 1);
    } else {
      const pos = positions(s, n);
      if (pos.length === 0) return np.zeros(inShape);
      if (pos.length > 1 && pos[1] < pos[0]) {
        g = np.slice(g, ...mid.map((_, i) => (i === axis ? "::-1" : ":")));
        pos.reverse();
      }
      const step = pos.length > 1 ? pos[1] - pos[0] : 1;
      if (step > 1) {
        const sh = shapeOf(g);
        g = np.pad1(np.expandDims(g, axis + 1), axis + 1, 0, step - 1);
        const merged = [...sh.slice(0, axis), sh[axis] * step, ...sh.slice(axis + 1)];
        g = np.reshape(g, merged);
        g = np.slice(
          g,
          ...merged.map((_, i) => (i === axis ? `0:${(pos.length - 1) * step + 1}` : ":")),
        );
      }
      const len = (pos.length - 1) * step + 1;
      g = np.pad1(g, axis, pos[0], n - pos[0] - len);
    }
    axis++;
  }
  return g;
}

/** numpy basic indexing (integers, strided slices, new axes); linear. */
export const slice: Primitive<SliceParams> = {
  name: "slice",
  impl: (a, { specs }) => (a[0] instanceof NDArray ? a[0] : asarray(a[0])).slice(...specs),
  jvp: (_p, t, { specs }) => (t[0] === null ? null : np.slice(t[0], ...specs)),
  vjp: (ct, [x], { specs }) => [unslice(ct, shapeOf(x), specs)],
  batch: (a, d, { specs }) => [np.slice(moveToFront(a[0], d[0] as number), ":", ...specs), 0],
  show: (p) => `[${p.specs.map((s) => (s === null ? "None" : String(s))).join(", ")}]`,
};
