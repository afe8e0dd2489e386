import type { Problem } from "../internal/problem.js";
import { dot, nrm2 } from "../internal/vec.js";
import type { OptimizeResult } from "../optimizeResult.js";
import { IterativeSolver } from "./trustExact.js";
import { minimizeTrustRegion, type QuadraticSubproblem, type Subproblem } from "./trustRegion.js";

/**
 * GLTR (Gould, Lucidi, Roma & Toint): Lanczos builds the tridiagonal T_k of the model's Hessian on
 * the Krylov space of g, and the trust-region problem on T_k is solved nearly exactly; the step
 * stops growing once the Lanczos residual is below the forcing tolerance.
 */
function gltrSolver(m: QuadraticSubproblem, o: Record<string, unknown>): Subproblem {
  const inexact = o.inexact === undefined ? true : Boolean(o.inexact);
  // scipy's trlib subproblem reads the gradient when the model is built
  void m.jac;
  return {
    solve(radius) {
      const n = m.n;
      const g = m.jac;
      const gnorm = m.jacMag;
      if (gnorm === 0) return [new Float64Array(n), false];
      // scipy's trust-krylov forcing: quadratic (interior) / superlinear (boundary) when inexact
      const tolI = inexact ? Math.min(0.5, Math.sqrt(gnorm)) * gnorm : 1e-8 * gnorm;
      const tolB = inexact ? Math.min(0.5, gnorm) * gnorm : 1e-6 * gnorm;
      const Q: Float64Array[] = [];
      const alphas: number[] = [];
      const betas: number[] = [];
      let q = g.map((v) => v / gnorm);
      let result: [Float64Array, boolean] = [new Float64Array(n), false];
      for (let k = 0; k < n; k++) {
        Q.push(q);
        const hq = m.hessp(q);
        const alpha = dot(q, hq);
        const r = hq.slice();
        for (let i = 0; i < n; i++) r[i] -= alpha * q[i];
        if (k > 0) {
          const b = betas[k - 1];
          const qp = Q[k - 1];
          for (let i = 0; i < n; i++) r[i] -= b * qp[i];
        }
        // full reorthogonalisation keeps the small Krylov basis orthonormal
        for (const qj of Q) {
          const c = dot(r, qj);
          for (let i = 0; i < n; i++) r[i] -= c * qj[i];
        }
        alphas.push(alpha);
        const beta = nrm2(r);
        const kk = k + 1;
        const T = new Float64Array(kk * kk);
        for (let i = 0; i < kk; i++) {
          T[i * kk + i] = alphas[i];
          if (i + 1 < kk) {
            T[i * kk + i + 1] = betas[i];
            T[(i + 1) * kk + i] = betas[i];
          }
        }
        const e1 = new Float64Array(kk);
        e1[0] = gnorm;
        const solver = new IterativeSolver(
          T,
          kk,
          e1,
          gnorm,
          (z, d, rr) => m.boundariesIntersections(z, d, rr),
          50,
        );
        const [h, hits] = solver.solve(radius);
        const p = new Float64Array(n);
        for (let j = 0; j < kk; j++) {
          const qj = Q[j];
          const hj = h[j];
          for (let i = 0; i < n; i++) p[i] += hj * qj[i];
        }
        result = [p, hits];
        const residual = beta * Math.abs(h[kk - 1]);
        if (
          residual <= (hits ? tolB : tolI) ||
          beta <= 1e-14 * Math.max(1, Math.abs(alpha)) ||
          k === n - 1
        )
          break;
        betas.push(beta);
        q = r.map((v) => v / beta);
      }
      return result;
    },
  };
}

export function minimizeTrustKrylov(p: Problem, o: Record<string, unknown>): OptimizeResult {
  return minimizeTrustRegion(p, o, gltrSolver, ["inexact"]);
}
