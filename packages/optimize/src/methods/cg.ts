import { checkOptions } from "@nabla/ndarray";
import { LineSearchError, lineSearchWolfe12 } from "../internal/lineSearch.js";
import {
  checkC1C2,
  numOpt,
  type Problem,
  prepareScalarFunction,
  STATUS_MESSAGES,
  vec,
} from "../internal/problem.js";
import { dot, hasNaN, norm2, vecnorm } from "../internal/vec.js";
import { OptimizeResult } from "../optimizeResult.js";

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
  const gtol = numOpt("CG", o, "gtol", 1e-5);
  const ord = numOpt("CG", o, "norm", Number.POSITIVE_INFINITY);
  const eps = numOpt("CG", o, "eps", Math.sqrt(2.220446049250313e-16));
  const maxiter = numOpt("CG", o, "maxiter", 200 * n);
  const c1 = numOpt("CG", o, "c1", 1e-4);
  const c2 = numOpt("CG", o, "c2", 0.4);
  checkC1C2("CG", c1, c2);
  const relStep = (o.finiteDiffRelStep as number | undefined) ?? null;
  const sf = prepareScalarFunction(p, eps, relStep);
  const f = (x: Float64Array) => sf.fun(x);
  const fprime = (x: Float64Array) => sf.grad(x);

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
      const xkp1 = new Float64Array(n);
      for (let i = 0; i < n; i++) xkp1[i] = curX[i] + alpha * curP[i];
      const gfkp1 = gIn ?? fprime(xkp1);
      let yg = 0;
      for (let i = 0; i < n; i++) yg += (gfkp1[i] - curG[i]) * gfkp1[i];
      const betaK = Math.max(0, yg / deltak);
      const pkp1 = new Float64Array(n);
      for (let i = 0; i < n; i++) pkp1[i] = -gfkp1[i] + betaK * curP[i];
      return [alpha, xkp1, pkp1, gfkp1, vecnorm(gfkp1, ord)];
    };
    const descent = (alpha: number, _x: Float64Array, _f: number, g: Float64Array): boolean => {
      cached = prpStep(alpha, g);
      const [, , pNew, gNew, gn] = cached;
      if (gn <= gtol) return true;
      return dot(pNew, gNew) <= -sigma3 * dot(gNew, gNew);
    };
    let ls: ReturnType<typeof lineSearchWolfe12>;
    try {
      ls = lineSearchWolfe12(
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
    } catch (e) {
      if (e instanceof LineSearchError) {
        warnflag = 2;
        break;
      }
      throw e;
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
  let msg: string;
  if (warnflag === 2) msg = STATUS_MESSAGES.prLoss;
  else if (k >= maxiter) {
    warnflag = 1;
    msg = STATUS_MESSAGES.maxiter;
  } else if (Number.isNaN(gnorm) || Number.isNaN(oldFval) || hasNaN(xk)) {
    warnflag = 3;
    msg = STATUS_MESSAGES.nan;
  } else msg = STATUS_MESSAGES.success;
  const res = new OptimizeResult({
    fun: oldFval,
    jac: vec(gfk),
    nfev: sf.nfev,
    njev: sf.ngev,
    status: warnflag,
    success: warnflag === 0,
    message: msg,
    x: vec(xk),
    nit: k,
  } as never);
  if (allvecs) res.allvecs = allvecs;
  return res;
}
