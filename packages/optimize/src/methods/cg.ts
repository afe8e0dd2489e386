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
import { dot, norm2, vecnorm } from "../internal/vec.js";
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
  /** scipy's polak_ribiere_powell_step: x, g, the next direction (into pNext) and ||g|| at alpha. */
  const prpStep = (alpha: number, gIn: Float64Array | null, xIn: Float64Array | null): void => {
    let xkp1 = xIn;
    if (xkp1 === null) {
      xkp1 = f64(n);
      for (let i = 0; i < n; i++) xkp1[i] = curX[i] + alpha * curP[i];
    }
    const gfkp1 = gIn ?? fprime(xkp1);
    // one pass for yᵀg, gᵀg and (with the default norm) ||g||_inf, one for the direction and pᵀg;
    // each sum in scipy's left-to-right order
    let yg = 0;
    let gg = 0;
    let gmax = 0;
    for (let i = 0; i < n; i++) {
      const gi = gfkp1[i];
      yg += (gi - curG[i]) * gi;
      gg += gi * gi;
      const a = Math.abs(gi);
      if (a > gmax || Number.isNaN(a)) gmax = a;
    }
    const betaK = Math.max(0, yg / curDelta);
    let pg = 0;
    for (let i = 0; i < n; i++) {
      const pi = -gfkp1[i] + betaK * curP[i];
      pNext[i] = pi;
      pg += pi * gfkp1[i];
    }
    stepAlpha = alpha;
    stepX = xkp1;
    stepG = gfkp1;
    stepGnorm = infNorm ? gmax : vecnorm(gfkp1, ord);
    stepGg = gg;
    stepPg = pg;
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
