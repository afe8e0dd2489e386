import { asarray, NDArray } from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import * as np from "../np/ops.js";

export interface TransposeParams {
  perm: readonly number[];
}

/** Permutes the axes; linear, its transpose is the inverse permutation. */
export const transpose: Primitive<TransposeParams> = {
  name: "transpose",
  impl: (a, { perm }) => (a[0] instanceof NDArray ? a[0] : asarray(a[0])).transpose(perm),
  jvp: (_p, t, { perm }) => (t[0] === null ? null : np.transpose(t[0], perm)),
  vjp: (ct, _p, { perm }) => {
    const inverse = new Array<number>(perm.length);
    for (let i = 0; i < perm.length; i++) inverse[perm[i]] = i;
    return [np.transpose(ct, inverse)];
  },
  batch: ([x], [d], { perm }) => {
    const b = d as number;
    // The batch axis stays where it is; the others are permuted around it.
    const own = perm.map((p) => (p >= b ? p + 1 : p));
    const full = [...own.slice(0, b), b, ...own.slice(b)];
    return [np.transpose(x, full), b];
  },
  show: (p) => `perm=[${p.perm.join(",")}]`,
};
