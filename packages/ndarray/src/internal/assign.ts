import type { NDArray } from "../ndarray.js";
import { forEachRow } from "./iterate.js";

/**
 * Copies `src` into the view `dst` of the same shape (broadcast `src` first if needed). The
 * dtype of `dst` must hold `src`'s values (callers promote first; bool is only written from bool).
 */
export function assign(dst: NDArray, src: NDArray): void {
  const dd = dst.data;
  const sd = src.data;
  forEachRow(
    dst.shape,
    [dst.strides, src.strides],
    [dst.offset, src.offset],
    ([o, so], n, [s, ss]) => {
      for (let i = 0; i < n; i++) dd[o + i * s] = sd[so + i * ss];
    },
  );
}
