import type { Problem } from "../internal/problem.js";
import { dot, nrm2 } from "../internal/vec.js";
import type { OptimizeResult } from "../optimizeResult.js";
import { minimizeTrustRegion, type QuadraticSubproblem, type Subproblem } from "./trustRegion.js";

/** Steihaug's truncated conjugate gradient on the trust-region model. */
function steihaugSolver(m: QuadraticSubproblem): Subproblem {
  return {
    solve(radius) {
      const n = m.n;
      const pOrigin = new Float64Array(n);
      const tolerance = Math.min(0.5, Math.sqrt(m.jacMag)) * m.jacMag;
      if (m.jacMag < tolerance) return [pOrigin, false];
      let z = pOrigin;
      let r = m.jac;
      let d = r.map((v) => -v);
      for (;;) {
        const bd = m.hessp(d);
        const dBd = dot(d, bd);
        if (dBd <= 0) {
          const [ta, tb] = m.boundariesIntersections(z, d, radius);
          const pa = z.map((v, i) => v + ta * d[i]);
          const pb = z.map((v, i) => v + tb * d[i]);
          return [m.model(pa) < m.model(pb) ? pa : pb, true];
        }
        const rSquared = dot(r, r);
        const alpha = rSquared / dBd;
        const zNext = z.map((v, i) => v + alpha * d[i]);
        if (nrm2(zNext) >= radius) {
          const [, tb] = m.boundariesIntersections(z, d, radius);
          return [z.map((v, i) => v + tb * d[i]), true];
        }
        const rNext = r.map((v, i) => v + alpha * bd[i]);
        const rNextSquared = dot(rNext, rNext);
        if (Math.sqrt(rNextSquared) < tolerance) return [zNext, false];
        const beta = rNextSquared / rSquared;
        const dNext = rNext.map((v, i) => -v + beta * d[i]);
        z = zNext;
        r = rNext;
        d = dNext;
      }
    },
  };
}

export function minimizeTrustNcg(p: Problem, o: Record<string, unknown>): OptimizeResult {
  return minimizeTrustRegion(p, o, steihaugSolver);
}
