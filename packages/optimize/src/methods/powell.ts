import { checkOptions, NDArray } from "@nabla/ndarray";
import { type Problem, STATUS_MESSAGES, vec } from "../internal/problem.js";
import { bounded, brent, recoverFromBracketError } from "../internal/scalarSearch.js";
import { OptimizeResult } from "../optimizeResult.js";

const POWELL_OPTIONS = ["xtol", "ftol", "maxiter", "maxfev", "disp", "direc", "returnAll"] as const;

class MaxFunCallError extends Error {}

function lineForSearch(
  x0: Float64Array,
  alpha: Float64Array,
  lb: Float64Array,
  ub: Float64Array,
): [number, number] {
  let lmin = Number.NEGATIVE_INFINITY;
  let lmax = Number.POSITIVE_INFINITY;
  let any = false;
  for (let i = 0; i < x0.length; i++) {
    if (alpha[i] === 0) continue;
    any = true;
    const low = (lb[i] - x0[i]) / alpha[i];
    const high = (ub[i] - x0[i]) / alpha[i];
    const lo = alpha[i] > 0 ? low : high;
    const hi = alpha[i] > 0 ? high : low;
    if (lo > lmin || Number.isNaN(lo)) lmin = lo;
    if (hi < lmax || Number.isNaN(hi)) lmax = hi;
  }
  if (!any) return [0, 0];
  return lmax >= lmin ? [lmin, lmax] : [0, 0];
}

/** scipy's _minimize_powell: Powell's conjugate-direction method with Brent line searches. */
export function minimizePowell(p: Problem, o: Record<string, unknown>): OptimizeResult {
  checkOptions('minimize(method="Powell")', o, POWELL_OPTIONS);
  const N = p.n;
  const xtol = (o.xtol as number | undefined) ?? 1e-4;
  const ftol = (o.ftol as number | undefined) ?? 1e-4;
  let maxiter = o.maxiter as number | undefined;
  let maxfun = o.maxfev as number | undefined;
  if (maxiter === undefined && maxfun === undefined) {
    maxiter = N * 1000;
    maxfun = N * 1000;
  } else if (maxiter === undefined)
    maxiter = maxfun === Number.POSITIVE_INFINITY ? N * 1000 : Number.POSITIVE_INFINITY;
  else if (maxfun === undefined)
    maxfun = maxiter === Number.POSITIVE_INFINITY ? N * 1000 : Number.POSITIVE_INFINITY;
  const maxIt = maxiter as number;
  const maxFun = maxfun as number;
  let fcalls = 0;
  const func = (x: Float64Array): number => {
    if (fcalls >= maxFun) throw new MaxFunCallError();
    fcalls++;
    return p.fun(new Float64Array(x));
  };
  const direc: Float64Array[] = [];
  if (o.direc !== undefined && o.direc !== null) {
    const d =
      o.direc instanceof NDArray ? (o.direc.toArray() as number[][]) : (o.direc as number[][]);
    for (const row of d) direc.push(new Float64Array(row));
  } else {
    for (let i = 0; i < N; i++) {
      const e = new Float64Array(N);
      e[i] = 1;
      direc.push(e);
    }
  }
  const { lb, ub } = p;
  const hasBounds = lb !== null && ub !== null;

  const linesearch = (
    x: Float64Array,
    xi: Float64Array,
    tol: number,
    fval: number,
  ): [number, Float64Array, Float64Array] => {
    const myfunc = (alpha: number) => func(x.map((v, i) => v + alpha * xi[i]));
    if (!xi.some((v) => v !== 0)) return [fval, x, xi];
    const done = (xmin: number, fret: number): [number, Float64Array, Float64Array] => {
      const step = xi.map((v) => xmin * v);
      return [fret, x.map((v, i) => v + step[i]), step];
    };
    if (!hasBounds) {
      const r = recoverFromBracketError(() => brent(myfunc, null, tol));
      return done(r.x, r.fun);
    }
    const [b0, b1] = lineForSearch(x, xi, lb as Float64Array, ub as Float64Array);
    if (b0 === Number.NEGATIVE_INFINITY && b1 === Number.POSITIVE_INFINITY) {
      const r = recoverFromBracketError(() => brent(myfunc, null, tol));
      return done(r.x, r.fun);
    }
    if (Number.isFinite(b0) && Number.isFinite(b1)) {
      const r = bounded(myfunc, b0, b1, tol / 100);
      return done(r.x, r.fun);
    }
    const r = bounded((t) => myfunc(Math.tan(t)), Math.atan(b0), Math.atan(b1), tol / 100);
    return done(Math.tan(r.x), r.fun);
  };

  let x: Float64Array = new Float64Array(p.x0);
  const allvecs = o.returnAll ? [vec(x)] : undefined;
  let fval = Number.NaN;
  let iter = 0;
  try {
    fval = func(x);
    let x1 = new Float64Array(x);
    for (;;) {
      const fx = fval;
      let bigind = 0;
      let delta = 0.0;
      for (let i = 0; i < N; i++) {
        const fx2 = fval;
        [fval, x] = linesearch(x, direc[i], xtol * 100, fval);
        if (fx2 - fval > delta) {
          delta = fx2 - fval;
          bigind = i;
        }
      }
      iter++;
      allvecs?.push(vec(x));
      if (p.callback?.(x, fval)) break;
      const bnd = ftol * (Math.abs(fx) + Math.abs(fval)) + 1e-20;
      if (2.0 * (fx - fval) <= bnd) break;
      if (fcalls >= maxFun) break;
      if (iter >= maxIt) break;
      if (Number.isNaN(fx) && Number.isNaN(fval)) break;
      let direc1: Float64Array = x.map((v, i) => v - x1[i]);
      x1 = new Float64Array(x);
      const lmax = hasBounds
        ? lineForSearch(x, direc1, lb as Float64Array, ub as Float64Array)[1]
        : 1;
      const x2 = x.map((v, i) => v + Math.min(lmax, 1) * direc1[i]);
      const fx2 = func(x2);
      if (fx > fx2) {
        let t = 2.0 * (fx + fx2 - 2.0 * fval);
        let temp = fx - fval - delta;
        t *= temp * temp;
        temp = fx - fx2;
        t -= delta * temp * temp;
        if (t < 0.0) {
          [fval, x, direc1] = linesearch(x, direc1, xtol * 100, fval);
          if (direc1.some((v) => v !== 0)) {
            direc[bigind] = direc[N - 1];
            direc[N - 1] = direc1;
          }
        }
      }
    }
  } catch (e) {
    if (!(e instanceof MaxFunCallError)) throw e;
  }
  let warnflag = 0;
  let msg: string = STATUS_MESSAGES.success;
  const outOfBounds =
    hasBounds && x.some((v, i) => (lb as Float64Array)[i] > v || v > (ub as Float64Array)[i]);
  if (outOfBounds) {
    warnflag = 4;
    msg = STATUS_MESSAGES.outOfBounds;
  } else if (fcalls >= maxFun) {
    warnflag = 1;
    msg = STATUS_MESSAGES.maxfev;
  } else if (iter >= maxIt) {
    warnflag = 2;
    msg = STATUS_MESSAGES.maxiter;
  } else if (Number.isNaN(fval) || x.some(Number.isNaN)) {
    warnflag = 3;
    msg = STATUS_MESSAGES.nan;
  }
  const flat = new Float64Array(N * N);
  for (let i = 0; i < N; i++) flat.set(direc[i], i * N);
  const res = new OptimizeResult({
    fun: fval,
    direc: new NDArray(flat, [N, N]),
    nit: iter,
    nfev: fcalls,
    status: warnflag,
    success: warnflag === 0,
    message: msg,
    x: vec(x),
  } as never);
  if (allvecs) res.allvecs = allvecs;
  return res;
}
