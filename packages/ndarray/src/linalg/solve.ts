import { toNDArray } from "../creation.js";
import { LinAlgError, ShapeError } from "../errors.js";
import { broadcastShapes, formatShape, sizeOf } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { luFactor, luSolve } from "./lu.js";
import { batchOffsets } from "./matmul.js";
import { copyFloat64, toSquareStack, wrap } from "./stack.js";

/**
 * Solves `a @ x = b` for x, numpy 2's `linalg.solve`: `a` is (..., M, M); a 1-D `b` (M,) is one
 * right-hand side (x has shape (..., M)), otherwise `b` is (..., M, K) and the batch axes
 * broadcast. A singular `a` throws `LinAlgError("Singular matrix")`.
 *
 * @example
 * linalg.solve([[3, 1], [1, 2]], [9, 8]); // array([2., 3.])
 */
export function solve(a: ArrayLike, b: ArrayLike): NDArray {
  const s = toSquareStack("solve", a);
  const y = toNDArray("solve", b);
  const n = s.n;
  const vector = y.ndim === 1;
  if (y.ndim === 0) {
    throw new ShapeError("solve: b must be at least 1-dimensional, got a scalar.");
  }
  const rows = vector ? y.shape[0] : y.shape[y.ndim - 2];
  if (rows !== n) {
    throw new ShapeError(
      `solve: Input operand 1 has a mismatch in its core dimension 0 (size ${rows} is different from ${n}); a has shape [...,${n},${n}] and b has shape ${formatShape(y.shape)}.`,
    );
  }
  const k = vector ? 1 : y.shape[y.ndim - 1];
  const bBatch = vector ? [] : y.shape.slice(0, -2);
  const batch = broadcastShapes("solve", s.batch, bBatch);
  const count = sizeOf(batch);
  const bd = copyFloat64(y);
  const aIdx = batchOffsets(s.batch, batch);
  const bIdx = batchOffsets(bBatch, batch);
  const out = new Float64Array(count * n * k);
  const piv = new Int32Array(n);
  // Factor each distinct matrix once even when b's batch repeats it.
  const factored = new Int32Array(s.count).fill(-1);
  const pivots: Int32Array[] = [];
  for (let t = 0; t < count; t++) {
    const ai = aIdx[t];
    if (factored[ai] < 0) {
      if (luFactor(s.data, ai * n * n, n, piv) > 0) {
        throw new LinAlgError(
          "solve: Singular matrix (an exactly zero pivot in the LU factorization).",
        );
      }
      factored[ai] = pivots.length;
      pivots.push(piv.slice());
    }
    const o = t * n * k;
    out.set(bd.subarray(bIdx[t] * n * k, (bIdx[t] + 1) * n * k), o);
    luSolve(s.data, ai * n * n, n, pivots[factored[ai]], out, o, k);
  }
  const dtype = s.dtype === "float32" && y.dtype === "float32" ? "float32" : "float64";
  return wrap(out, vector ? [...batch, n] : [...batch, n, k], dtype);
}
