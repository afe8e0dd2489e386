// The benchmark's Rosenbrock function and gradient, shared by index.ts and budget.ts.
import { npSum } from "../test/helpers.js";

type Vec = ArrayLike<number>;

/** scipy.optimize.rosen, summed in numpy's pairwise order so the iterates can match scipy's. */
export function rosenF(x: Vec): number {
  const terms = new Float64Array(x.length - 1);
  for (let i = 0; i < x.length - 1; i++)
    terms[i] = 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return npSum(terms);
}
export function rosenG(x: Vec): number[] {
  const n = x.length;
  const g = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++)
    g[i] = 200 * (x[i] - x[i - 1] ** 2) - 400 * (x[i + 1] - x[i] ** 2) * x[i] - 2 * (1 - x[i]);
  g[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]);
  g[n - 1] = 200 * (x[n - 1] - x[n - 2] ** 2);
  return g;
}
