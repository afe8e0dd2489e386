import { choleskyUpper, solveUpper, solveUpperT } from "../internal/dense.js";
import type { Problem } from "../internal/problem.js";
import { dot, nrm2 } from "../internal/vec.js";
import type { OptimizeResult } from "../optimizeResult.js";
import { minimizeTrustRegion, type QuadraticSubproblem, type Subproblem } from "./trustRegion.js";

const EPS = 2.220446049250313e-16;
const UPDATE_COEFF = 0.01;

/** Estimate of the smallest singular value of upper-triangular U and its vector (Cline et al.). */
function smallestSingular(u: Float64Array, n: number): { sMin: number; zMin: Float64Array } {
  const p = new Float64Array(n);
  const w = new Float64Array(n);
  const pp = new Float64Array(n);
  const pm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ukk = u[k * n + k];
    const wp = (1 - p[k]) / ukk;
    const wm = (-1 - p[k]) / ukk;
    let np1 = 0;
    let nm1 = 0;
    for (let i = k + 1; i < n; i++) {
      pp[i] = p[i] + u[k * n + i] * wp;
      pm[i] = p[i] + u[k * n + i] * wm;
      np1 += Math.abs(pp[i]);
      nm1 += Math.abs(pm[i]);
    }
    if (Math.abs(wp) + np1 >= Math.abs(wm) + nm1) {
      w[k] = wp;
      for (let i = k + 1; i < n; i++) p[i] = pp[i];
    } else {
      w[k] = wm;
      for (let i = k + 1; i < n; i++) p[i] = pm[i];
    }
  }
  const v = solveUpper(u, n, w);
  const vNorm = nrm2(v);
  const wNorm = nrm2(w);
  return { sMin: wNorm / vNorm, zMin: v.map((e) => e / vNorm) };
}

function shifted(h: Float64Array, n: number, lambda: number): Float64Array {
  const a = h.slice();
  for (let i = 0; i < n; i++) a[i * n + i] += lambda;
  return a;
}

/**
 * Moré & Sorensen's nearly exact trust-region solver on a dense symmetric H (scipy's
 * IterativeSubproblem); handles indefinite H and the hard case.
 */
export class IterativeSolver {
  private previousRadius = -1;
  private lambdaLb = 0;
  private readonly gershLb: number;
  private readonly gershUb: number;
  private readonly hInf: number;
  private readonly hFro: number;
  private readonly closeToZero: number;
  private readonly minDiag: number;

  constructor(
    private readonly h: Float64Array,
    private readonly n: number,
    private readonly g: Float64Array,
    private readonly gMag: number,
    private readonly boundaries: (z: Float64Array, d: Float64Array, r: number) => [number, number],
    private readonly maxiter = 25,
    private readonly kEasy = 0.1,
    private readonly kHard = 0.2,
  ) {
    let lb = Number.POSITIVE_INFINITY;
    let ub = Number.NEGATIVE_INFINITY;
    let inf = 0;
    let fro = 0;
    let minDiag = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      let rowSum = 0;
      for (let j = 0; j < n; j++) {
        rowSum += Math.abs(h[i * n + j]);
        fro += h[i * n + j] ** 2;
      }
      const d = h[i * n + i];
      lb = Math.min(lb, d + Math.abs(d) - rowSum);
      ub = Math.max(ub, d - Math.abs(d) + rowSum);
      inf = Math.max(inf, rowSum);
      minDiag = Math.min(minDiag, d);
    }
    this.gershLb = lb;
    this.gershUb = ub;
    this.hInf = inf;
    this.hFro = Math.sqrt(fro);
    this.minDiag = minDiag;
    this.closeToZero = n * EPS * inf;
  }

  solve(radius: number): [Float64Array, boolean] {
    const n = this.n;
    const g = this.g;
    let lambdaUb = Math.max(0, this.gMag / radius + Math.min(-this.gershLb, this.hFro, this.hInf));
    let lambdaLb = Math.max(
      0,
      -this.minDiag,
      this.gMag / radius - Math.min(this.gershUb, this.hFro, this.hInf),
    );
    if (radius < this.previousRadius) lambdaLb = Math.max(this.lambdaLb, lambdaLb);
    let lambda =
      lambdaLb === 0
        ? 0
        : Math.max(Math.sqrt(lambdaLb * lambdaUb), lambdaLb + UPDATE_COEFF * (lambdaUb - lambdaLb));
    let hitsBoundary = true;
    let alreadyFactorized = false;
    let H: Float64Array = this.h;
    let U: Float64Array = new Float64Array(n * n);
    let info = 0;
    let p: Float64Array = new Float64Array(n);
    const minusG = g.map((v) => -v);
    let niter = 0;
    while (niter < this.maxiter) {
      if (alreadyFactorized) alreadyFactorized = false;
      else {
        H = shifted(this.h, n, lambda);
        ({ u: U, info } = choleskyUpper(H, n));
      }
      niter++;
      if (info === 0 && this.gMag > this.closeToZero) {
        p = solveUpper(U, n, solveUpperT(U, n, minusG));
        const pNorm = nrm2(p);
        if (pNorm <= radius && lambda === 0) {
          hitsBoundary = false;
          break;
        }
        const w = solveUpperT(U, n, p);
        const wNorm = nrm2(w);
        const deltaLambda = ((pNorm / wNorm) ** 2 * (pNorm - radius)) / radius;
        const lambdaNew = lambda + deltaLambda;
        if (pNorm < radius) {
          const { sMin, zMin } = smallestSingular(U, n);
          const [ta, tb] = this.boundaries(p, zMin, radius);
          const stepLen = Math.abs(tb) < Math.abs(ta) ? tb : ta;
          const hp = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += H[i * n + j] * p[j];
            hp[i] = s;
          }
          const quadraticTerm = dot(p, hp);
          const relativeError = (stepLen ** 2 * sMin ** 2) / (quadraticTerm + lambda * radius ** 2);
          if (relativeError <= this.kHard) {
            for (let i = 0; i < n; i++) p[i] += stepLen * zMin[i];
            break;
          }
          lambdaUb = lambda;
          lambdaLb = Math.max(lambdaLb, lambda - sMin ** 2);
          H = shifted(this.h, n, lambdaNew);
          const c = choleskyUpper(H, n);
          if (c.info === 0) {
            lambda = lambdaNew;
            U = c.u;
            info = 0;
            alreadyFactorized = true;
          } else {
            lambdaLb = Math.max(lambdaLb, lambdaNew);
            lambda = Math.max(
              Math.sqrt(Math.abs(lambdaLb * lambdaUb)),
              lambdaLb + UPDATE_COEFF * (lambdaUb - lambdaLb),
            );
          }
        } else {
          const relativeError = Math.abs(pNorm - radius) / radius;
          if (relativeError <= this.kEasy) break;
          lambdaLb = lambda;
          lambda = lambdaNew;
        }
      } else if (info === 0 && this.gMag <= this.closeToZero) {
        if (lambda === 0) {
          p = new Float64Array(n);
          hitsBoundary = false;
          break;
        }
        const { sMin, zMin } = smallestSingular(U, n);
        p = zMin.map((v) => radius * v);
        if (radius ** 2 * sMin ** 2 <= this.kHard * lambda * radius ** 2) break;
        lambdaUb = lambda;
        lambdaLb = Math.max(lambdaLb, lambda - sMin ** 2);
        lambda = Math.max(
          Math.sqrt(lambdaLb * lambdaUb),
          lambdaLb + UPDATE_COEFF * (lambdaUb - lambdaLb),
        );
      } else {
        // the leading info×info block is singular: push lambda past -(its smallest eigenvalue)
        const k = info;
        let delta = -H[(k - 1) * n + (k - 1)];
        for (let i = 0; i < k - 1; i++) delta += U[i * n + (k - 1)] ** 2;
        const v = new Float64Array(n);
        v[k - 1] = 1;
        if (k !== 1) {
          const rhs = new Float64Array(k - 1);
          for (let i = 0; i < k - 1; i++) rhs[i] = -U[i * n + (k - 1)];
          const sol = solveUpper(U, n, rhs, k - 1);
          for (let i = 0; i < k - 1; i++) v[i] = sol[i];
        }
        const vNorm = nrm2(v);
        lambdaLb = Math.max(lambdaLb, lambda + delta / vNorm ** 2);
        lambda = Math.max(
          Math.sqrt(Math.abs(lambdaLb * lambdaUb)),
          lambdaLb + UPDATE_COEFF * (lambdaUb - lambdaLb),
        );
      }
    }
    this.lambdaLb = lambdaLb;
    this.previousRadius = radius;
    return [p, hitsBoundary];
  }
}

function exactSolver(m: QuadraticSubproblem, o: Record<string, unknown>): Subproblem {
  const maxiter = (o.subproblemMaxiter as number | undefined) ?? 25;
  // scipy factors the model's Hessian when the model is built (so a rejected trial point still
  // costs a Hessian evaluation); the gradient is only needed once we solve.
  const h = m.hess;
  let solver: IterativeSolver | null = null;
  return {
    solve(radius) {
      solver ??= new IterativeSolver(
        h,
        m.n,
        m.jac,
        m.jacMag,
        (z, d, r) => m.boundariesIntersections(z, d, r),
        maxiter,
      );
      return solver.solve(radius);
    },
  };
}

export function minimizeTrustExact(p: Problem, o: Record<string, unknown>): OptimizeResult {
  return minimizeTrustRegion(p, o, exactSolver, ["subproblemMaxiter"]);
}
