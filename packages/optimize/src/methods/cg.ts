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
  let pk: Float64Array = gfk.map((v) => -v);
  let gnorm = vecnorm(gfk, ord);
  const sigma3 = 0.01;
  type Step = [number, Float64Array, Float64Array, Float64Array, number];
  while (gnorm > gtol && k < maxiter) {
    const deltak = dot(gfk, gfk);
    let cached: Step | null = null;
    const curX = xk;
    const curP = pk;
    const curG = gfk;
    const prpStep = (alpha: number, gIn: Float64Array | null): Step => {
      const xkp1 = f64(n);
      for (let i = 0; i < n; i++) xkp1[i] = curX[i] + alpha * curP[i];
      const gfkp1 = gIn ?? fprime(xkp1);
      let yg = 0;
      for (let i = 0; i < n; i++) yg += (gfkp1[i] - curG[i]) * gfkp1[i];
      const betaK = Math.max(0, yg / deltak);
      const pkp1 = f64(n);
      for (let i = 0; i < n; i++) pkp1[i] = -gfkp1[i] + betaK * curP[i];
      return [alpha, xkp1, pkp1, gfkp1, vecnorm(gfkp1, ord)];
    };
    const descent = (alpha: number, _f: number, g: Float64Array): boolean => {
      cached = prpStep(alpha, g);
      const [, , pNew, gNew, gn] = cached;
      if (gn <= gtol) return true;
      return dot(pNew, gNew) <= -sigma3 * dot(gNew, gNew);
    };
    const ls = tryLineSearchWolfe12(
      f,
      fprime,
      xk,
      pk,
      gfk,
      oldFval,
      oldOldFval,
      { c1, c2, amin: 1e-100, amax: 1e100, xtol: 1e-14 },
      descent,
    );
    if (ls === null) {
      warnflag = 2;
      break;
    }
    oldFval = ls.fval;
    oldOldFval = ls.oldFval;
    const step: Step =
      cached !== null && (cached as Step)[0] === ls.alpha
        ? (cached as Step)
        : prpStep(ls.alpha as number, ls.gval);
    [, xk, pk, gfk, gnorm] = step;
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
