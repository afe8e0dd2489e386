import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import { ndimOf, type Value } from "../core/value.js";
import * as np from "../np/ops.js";
import { elementwiseBatch, moveToFront } from "./batching.js";

/** `b` as a matrix of right-hand sides: a 1-D `b` becomes one column. */
function asColumns(v: Value, vector: boolean): Value {
  return vector ? np.expandDims(v, -1) : v;
}

/**
 * Solves A x = b (numpy 2: a 1-D b is one right-hand side, else b is (..., M, K)).
 * JVP: solve(A, db - dA x); VJP: ḃ = solve(Aᵀ, ct), Ā = -ḃ xᵀ.
 */
export const solve: Primitive<undefined> = {
  name: "solve",
  impl: ([a, b]) => nd.linalg.solve(a, b),
  jvp: ([a], [ta, tb], _p, x) => {
    let rhs: Value | null = tb;
    if (ta !== null) {
      const vector = ndimOf(x) === 1;
      const ax = np.matmul(ta, asColumns(x, vector));
      const dax = vector ? np.squeeze(ax, -1) : ax;
      rhs = rhs === null ? np.negative(dax) : np.subtract(rhs, dax);
    }
    return rhs === null ? null : np.solve(a, rhs);
  },
  vjp: (ct, [a, b], _p, x, which) => {
    const gb = np.solve(np.swapaxes(a, -1, -2), ct);
    const vector = ndimOf(b) === 1;
    const ga = which[0]
      ? np.negative(np.matmul(asColumns(gb, vector), np.swapaxes(asColumns(x, vector), -1, -2)))
      : null;
    return [ga, which[1] ? gb : null];
  },
  batch: (args, dims, params, size) => {
    const [a, b] = args;
    const [da, db] = dims;
    const vectorB = ndimOf(b) - (db === null ? 0 : 1) === 1;
    if (!vectorB) return elementwiseBatch(args, dims, params, size, solve);
    if (db === null) {
      // Only A is batched: one right-hand side for every matrix of the stack.
      return [np.solve(moveToFront(a, da as number), b), 0];
    }
    const bt = moveToFront(b, db);
    if (da === null) return [np.solve(a, np.transpose(bt)), 1];
    const x = np.solve(moveToFront(a, da), np.expandDims(bt, -1));
    return [np.squeeze(x, -1), 0];
  },
};
