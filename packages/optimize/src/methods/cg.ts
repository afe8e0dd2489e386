import { checkOptions } from "@nabla/ndarray";
import { f64 } from "../internal/alloc.js";
import { tryLineSearchWolfe12 } from "../internal/lineSearch.js";
import {
  gradientOptions,
  gradientResult,
  type Problem,
  prepareScalarFunction,
  vec,
} from "../internal/problem.js";
import { dot, norm2, scaleAdd, vecnorm } from "../internal/vec.js";
import type { OptimizeResult } from "../optimizeResult.js";

const CG_OPTIONS = [
  "gtol",
  "norm",
  "eps",
  "maxiter",
  "disp",
  "returnAll",
  "finiteDiffRelStep",
  "c1",
  "c2",
] as const;

/** scipy's _minimize_cg: Polak-Ribière+ with a descent safeguard inside the Wolfe line search. */
export function minimizeCg(p: Problem, o: Record<string, unknown>): OptimizeResult {
  checkOptions('minimize(method="CG")', o, CG_OPTIONS);
  const n = p.n;
  const { gtol, ord, eps, maxiter, c1, c2, relStep } = gradientOptions("CG", n, o, 0.4);
  const sf = prepareScalarFunction(p, eps, relStep);
  // every point evaluated here is a fresh array that nothing writes to afterwards
  const f = (x: Float64Array) => sf.fun(x, true);
  const fprime = (x: Float64Array) => sf.grad(x, true);

  let oldFval = f(p.x0);
  let gfk = fprime(p.x0);
  let k = 0;
  let xk: Float64Array = p.x0;
  let oldOldFval = oldFval + norm2(gfk) / 2;
  const allvecs = o.returnAll ? [vec(xk)] : undefined;
  let warnflag = 0;
  // pk and the next direction alternate between two buffers (nothing keeps a direction)
  let pk = new Float64Array(n);
  let pNext = new Float64Array(n);
  for (let i = 0; i < n; i++) pk[i] = -gfk[i];
  let gnorm = vecnorm(gfk, ord);
  let deltak = dot(gfk, gfk);
  const sigma3 = 0.01;
  // the step polakRibiere last computed: alpha, x, g there, ||g|| and g·g (the next deltak)
  let stepAlpha = Number.NaN;
  let stepX: Float64Array = xk;
  let stepG: Float64Array = gfk;
  let stepGnorm = 0;
  let stepGg = 0;
  let stepPg = 0;
  const infNorm = ord === Number.POSITIVE_INFINITY;
  let curX = xk;
  let curP = pk;
  let curG = gfk;
  let curDelta = deltak;
  // prpSums' results: yᵀg, gᵀg, ||g||_inf
  const sums = new Float64Array(3);
  /** scipy's polak_ribiere_powell_step: x, g, the next direction (into pNext) and ||g|| at alpha. */
  const prpStep = (alpha: number, gIn: Float64Array | null, xIn: Float64Array | null): void => {
    let xkp1 = xIn;
    if (xkp1 === null) {
      xkp1 = f64(n);
      // alpha p + x: the sum x + alpha p, rounded the same
      scaleAdd(xkp1, alpha, curP, curX);
    }
    const gfkp1 = gIn ?? fprime(xkp1);
    prpSums(gfkp1, curG, sums);
    const betaK = Math.max(0, sums[0] / curDelta);
    stepAlpha = alpha;
    stepX = xkp1;
    stepG = gfkp1;
    stepGnorm = infNorm ? sums[2] : vecnorm(gfkp1, ord);
    stepGg = sums[1];
    stepPg = prpDirection(pNext, gfkp1, betaK, curP);
  };
  const descent = (alpha: number, _f: number, g: Float64Array, x: Float64Array | null): boolean => {
    prpStep(alpha, g, x);
    if (stepGnorm <= gtol) return true;
    return stepPg <= -sigma3 * stepGg;
  };
  const lsOptions = { c1, c2, amin: 1e-100, amax: 1e100, xtol: 1e-14 };
  while (gnorm > gtol && k < maxiter) {
    curX = xk;
    curP = pk;
    curG = gfk;
    curDelta = deltak;
    stepAlpha = Number.NaN;
    const ls = tryLineSearchWolfe12(
      f,
      fprime,
      xk,
      pk,
      gfk,
      oldFval,
      oldOldFval,
      lsOptions,
      descent,
    );
    if (ls === null) {
      warnflag = 2;
      break;
    }
    oldFval = ls.fval;
    oldOldFval = ls.oldFval;
    if (stepAlpha !== ls.alpha) prpStep(ls.alpha as number, ls.gval, ls.xval ?? null);
    xk = stepX;
    gfk = stepG;
    gnorm = stepGnorm;
    deltak = stepGg;
    const t = pk;
    pk = pNext;
    pNext = t;
    allvecs?.push(vec(xk));
    k++;
    if (p.callback?.(xk, oldFval)) break;
  }
  return gradientResult(
    warnflag,
    k,
    maxiter,
    gnorm,
    oldFval,
    xk,
    { jac: gfk, nfev: sf.nfev, njev: sf.ngev },
    allvecs,
  );
}

/**
 * The sums of scipy's polak_ribiere_powell_step in one pass: out = [yᵀg, gᵀg, ||g||_inf] with
 * y = g - gOld, each sum left to right (four entries per step, loads first, as in vec.ts).
 */
function prpSums(g: Float64Array, gOld: Float64Array, out: Float64Array): void {
  const n = g.length;
  let yg = 0;
  let gg = 0;
  let gmax = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const g0 = g[i];
    const g1 = g[i + 1];
    const g2 = g[i + 2];
    const g3 = g[i + 3];
    const o0 = gOld[i];
    const o1 = gOld[i + 1];
    const o2 = gOld[i + 2];
    const o3 = gOld[i + 3];
    yg += (g0 - o0) * g0;
    yg += (g1 - o1) * g1;
    yg += (g2 - o2) * g2;
    yg += (g3 - o3) * g3;
    gg += g0 * g0;
    gg += g1 * g1;
    gg += g2 * g2;
    gg += g3 * g3;
    const a0 = Math.abs(g0);
    const a1 = Math.abs(g1);
    const a2 = Math.abs(g2);
    const a3 = Math.abs(g3);
    if (a0 > gmax || Number.isNaN(a0)) gmax = a0;
    if (a1 > gmax || Number.isNaN(a1)) gmax = a1;
    if (a2 > gmax || Number.isNaN(a2)) gmax = a2;
    if (a3 > gmax || Number.isNaN(a3)) gmax = a3;
  }
  for (; i < n; i++) {
    const gi = g[i];
    yg += (gi - gOld[i]) * gi;
    gg += gi * gi;
    const a = Math.abs(gi);
    if (a > gmax || Number.isNaN(a)) gmax = a;
  }
  out[0] = yg;
  out[1] = gg;
  out[2] = gmax;
}

/** p = -g + beta pOld, returning pᵀg summed left to right. */
function prpDirection(p: Float64Array, g: Float64Array, beta: number, pOld: Float64Array): number {
  const n = g.length;
  let pg = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const g0 = g[i];
    const g1 = g[i + 1];
    const g2 = g[i + 2];
    const g3 = g[i + 3];
    const o0 = pOld[i];
    const o1 = pOld[i + 1];
    const o2 = pOld[i + 2];
    const o3 = pOld[i + 3];
    const p0 = -g0 + beta * o0;
    const p1 = -g1 + beta * o1;
    const p2 = -g2 + beta * o2;
    const p3 = -g3 + beta * o3;
    p[i] = p0;
    p[i + 1] = p1;
    p[i + 2] = p2;
    p[i + 3] = p3;
    pg += p0 * g0;
    pg += p1 * g1;
    pg += p2 * g2;
    pg += p3 * g3;
  }
  for (; i < n; i++) {
    const pi = -g[i] + beta * pOld[i];
    p[i] = pi;
    pg += pi * g[i];
  }
  return pg;
}
