import { checkOptions } from "@nabla/ndarray";
import { HessianUpdateStrategy } from "../hessianUpdateStrategy.js";
import { tryLineSearchWolfe12 } from "../internal/lineSearch.js";
import {
  checkC1C2,
  numOpt,
  type Problem,
  prepareScalarFunction,
  STATUS_MESSAGES,
  vec,
} from "../internal/problem.js";
import type { HessianValue } from "../internal/scalarFunction.js";
import { dot } from "../internal/vec.js";
import { OptimizeResult } from "../optimizeResult.js";

const NCG_OPTIONS = ["xtol", "eps", "maxiter", "disp", "returnAll", "c1", "c2"] as const;
const EPS64 = 2.220446049250313e-16;

/** scipy's _minimize_newtoncg: truncated-CG Newton steps with a Wolfe line search. */
export function minimizeNewtonCg(p: Problem, o: Record<string, unknown>): OptimizeResult {
  checkOptions('minimize(method="Newton-CG")', o, NCG_OPTIONS);
  const n = p.n;
  const avextol = numOpt("Newton-CG", o, "xtol", 1e-5);
  const epsilon = numOpt("Newton-CG", o, "eps", Math.sqrt(EPS64));
  const maxiter = numOpt("Newton-CG", o, "maxiter", 200 * n);
  const c1 = numOpt("Newton-CG", o, "c1", 1e-4);
  const c2 = numOpt("Newton-CG", o, "c2", 0.9);
  checkC1C2("Newton-CG", c1, c2);
  const sf = prepareScalarFunction(p, epsilon, null, true);
  const f = (x: Float64Array) => sf.fun(x);
  const fprime = (x: Float64Array) => sf.grad(x);
  // scipy keeps a quasi-Newton strategy as "the Hessian" (one evaluation per outer iteration);
  // only finite-difference Hessians become Hessian-vector products
  const denseHess = typeof p.hess === "function" || p.hess instanceof HessianUpdateStrategy;
  let fhessp: ((x: Float64Array, v: Float64Array) => Float64Array) | null = p.hessp;
  if (!denseHess && (p.hess === "2-point" || p.hess === "3-point")) {
    fhessp = (x, v) => (sf.hess(x) as HessianValue).matvec(v);
  }
  const allvecs = o.returnAll ? [vec(p.x0)] : undefined;
  let hcalls = 0;
  const cgMaxiter = 20 * n;
  const xtol = n * avextol;
  let updateL1 = Number.MAX_VALUE;
  const xk = new Float64Array(p.x0);
  let k = 0;
  let gfk: Float64Array = new Float64Array(n);
  let oldFval = f(p.x0);
  let oldOldFval: number | null = null;

  const terminate = (warnflag: number, message: string) => {
    const res = new OptimizeResult({
      fun: oldFval,
      jac: vec(gfk),
      nfev: sf.nfev,
      njev: sf.ngev,
      nhev: hcalls,
      status: warnflag,
      success: warnflag === 0,
      message,
      x: vec(xk),
      nit: k,
    } as never);
    if (allvecs) res.allvecs = allvecs;
    return res;
  };

  while (updateL1 > xtol) {
    if (k >= maxiter) return terminate(1, `Warning: ${STATUS_MESSAGES.maxiter}`);
    const g = fprime(xk);
    const b = g.map((v) => -v);
    let maggrad = 0;
    for (let i = 0; i < n; i++) maggrad += Math.abs(b[i]);
    const eta = Math.min(0.5, Math.sqrt(maggrad));
    const termcond = eta * maggrad;
    let xsupi = new Float64Array(n);
    const ri = b.map((v) => -v);
    let psupi = ri.map((v) => -v);
    let i = 0;
    let dri0 = dot(ri, ri);
    let A: HessianValue | null = null;
    if (denseHess) {
      const h = sf.hess(xk);
      A =
        h instanceof HessianUpdateStrategy
          ? { dense: null, matvec: (v: Float64Array) => h.dot(v) }
          : h;
      hcalls++;
    }
    let converged = false;
    for (let k2 = 0; k2 < cgMaxiter; k2++) {
      let l1 = 0;
      for (let j = 0; j < n; j++) l1 += Math.abs(ri[j]);
      if (l1 <= termcond) {
        converged = true;
        break;
      }
      let Ap: Float64Array;
      if (A !== null) Ap = A.matvec(psupi);
      else if (fhessp !== null) {
        Ap = fhessp(xk, psupi);
        hcalls++;
      } else {
        const f1 = new Float64Array(fprime(xk));
        const xe = new Float64Array(n);
        for (let j = 0; j < n; j++) xe[j] = xk[j] + epsilon * psupi[j];
        const f2 = fprime(xe);
        Ap = new Float64Array(n);
        for (let j = 0; j < n; j++) Ap[j] = (f2[j] - f1[j]) / epsilon;
      }
      const curv = dot(psupi, Ap);
      if (curv >= 0 && curv <= 3 * EPS64) {
        converged = true;
        break;
      }
      if (curv < 0) {
        if (i === 0) {
          const t = dri0 / -curv;
          xsupi = b.map((v) => t * v);
        }
        converged = true;
        break;
      }
      const alphai = dri0 / curv;
      for (let j = 0; j < n; j++) {
        xsupi[j] += alphai * psupi[j];
        ri[j] += alphai * Ap[j];
      }
      const dri1 = dot(ri, ri);
      const betai = dri1 / dri0;
      psupi = ri.map((v, j) => -v + betai * psupi[j]);
      i++;
      dri0 = dri1;
    }
    if (!converged)
      return terminate(
        3,
        "Warning: CG iterations didn't converge. The Hessian is not positive definite.",
      );
    const pk = xsupi;
    gfk = b.map((v) => -v);
    const ls = tryLineSearchWolfe12(f, fprime, xk, pk, gfk, oldFval, oldOldFval, {
      c1,
      c2,
      amin: 1e-8,
      amax: 50,
      xtol: 1e-14,
      amax2: null,
    });
    if (ls === null) return terminate(2, `Warning: ${STATUS_MESSAGES.prLoss}`);
    oldFval = ls.fval;
    oldOldFval = ls.oldFval;
    const alphak = ls.alpha as number;
    updateL1 = 0;
    for (let j = 0; j < n; j++) {
      const u = alphak * pk[j];
      xk[j] += u;
      updateL1 += Math.abs(u);
    }
    allvecs?.push(vec(xk));
    k++;
    if (p.callback?.(xk, oldFval)) return terminate(5, "");
  }
  if (Number.isNaN(oldFval) || Number.isNaN(updateL1)) return terminate(3, STATUS_MESSAGES.nan);
  return terminate(0, STATUS_MESSAGES.success);
}
