import { cholesky, choSolve } from "../internal/dense.js";
import type { Problem } from "../internal/problem.js";
import { dot, nrm2 } from "../internal/vec.js";
import type { OptimizeResult } from "../optimizeResult.js";
import {
  minimizeTrustRegion,
  type QuadraticSubproblem,
  type Subproblem,
  SubproblemLinAlgError,
} from "./trustRegion.js";

/** Powell's dogleg path between the Cauchy point and the Newton point (needs B positive definite). */
function doglegSolver(m: QuadraticSubproblem): Subproblem {
  let cauchy: Float64Array | null = null;
  let newton: Float64Array | null = null;
  const n = m.n;
  const cauchyPoint = () => {
    if (cauchy === null) {
      const g = m.jac;
      const bg = m.hessp(g);
      const t = -(dot(g, g) / dot(g, bg));
      cauchy = g.map((v) => t * v);
    }
    return cauchy;
  };
  const newtonPoint = () => {
    if (newton === null) {
      const l = cholesky(m.hess, n);
      if (l === null) throw new SubproblemLinAlgError("not positive definite");
      newton = choSolve(l, n, m.jac).map((v) => -v);
    }
    return newton;
  };
  return {
    solve(radius) {
      const pBest = newtonPoint();
      if (nrm2(pBest) < radius) return [pBest, false];
      const pU = cauchyPoint();
      const pUNorm = nrm2(pU);
      if (pUNorm >= radius) return [pU.map((v) => v * (radius / pUNorm)), true];
      const d = pBest.map((v, i) => v - pU[i]);
      const [, tb] = m.boundariesIntersections(pU, d, radius);
      return [pU.map((v, i) => v + tb * d[i]), true];
    },
  };
}

export function minimizeDogleg(p: Problem, o: Record<string, unknown>): OptimizeResult {
  return minimizeTrustRegion(p, o, doglegSolver);
}
