import { checkOptions } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { svdKernel } from "./jacobiSvd.js";
import { assertFinite, toStack, wrap } from "./stack.js";

/** Options of `linalg.pinv`. */
export interface PinvOptions {
  /** Singular values at or below `rcond * max(s)` are treated as zero. Default 1e-15 (numpy). */
  rcond?: number;
}

/**
 * Moore-Penrose pseudo-inverse, numpy's `linalg.pinv`: `V diag(1/s) U^T` over the singular values
 * above `rcond * max(s)`. Works on stacks; an m x n input gives n x m.
 *
 * @example
 * linalg.pinv([[1, 2], [2, 4]]); // array([[0.04, 0.08], [0.08, 0.16]])
 */
export function pinv(a: ArrayLike, options?: PinvOptions): NDArray {
  checkOptions("pinv", options, ["rcond"]);
  const rcond = options?.rcond ?? 1e-15;
  const st = toStack("pinv", a);
  assertFinite("pinv", st.data);
  const { m, n, count } = st;
  const k = Math.min(m, n);
  const out = new Float64Array(count * n * m);
  for (let t = 0; t < count; t++) {
    if (k === 0) continue;
    const { u, s, vt } = svdKernel(st.data, t * m * n, m, n, true, false);
    const uu = u as Float64Array;
    const vv = vt as Float64Array;
    const cut = rcond * s[0];
    const o = t * n * m;
    for (let i = 0; i < k; i++) {
      if (!(s[i] > cut)) continue;
      const inv = 1 / s[i];
      for (let p = 0; p < n; p++) {
        const w = vv[i * n + p] * inv;
        if (w === 0) continue;
        for (let q = 0; q < m; q++) out[o + p * m + q] += w * uu[q * k + i];
      }
    }
  }
  return wrap(out, [...st.batch, n, m], st.dtype);
}
