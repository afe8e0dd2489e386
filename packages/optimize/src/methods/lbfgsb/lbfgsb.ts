import { allocate, checkOptions, rangeError } from "@nabla/ndarray";
import { copyF64, f64 } from "../../internal/alloc.js";
import { dcsrch } from "../../internal/dcsrch.js";
import { numOpt, type Problem, prepareScalarFunction, vec } from "../../internal/problem.js";
import { add, dot, negate, normInf, scaleAdd, sub } from "../../internal/vec.js";
import { OptimizeResult } from "../../optimizeResult.js";
import { type Box, cauchy } from "./cauchy.js";
import { LbfgsInvHessProduct } from "./invHess.js";
import { formt, type LbfgsbState, matupd, newState, resetMemory, twoLoop } from "./state.js";
import { cmprlb, formk, subsm } from "./subspace.js";

const EPSMCH = 2.220446049250313e-16;
const LBFGSB_OPTIONS = [
  "maxcor",
  "ftol",
  "gtol",
  "eps",
  "maxfun",
  "maxiter",
  "maxls",
  "finiteDiffRelStep",
  "disp",
  "iprint",
] as const;

class LineSearchAbort extends Error {}

function projgr(box: Box, x: Float64Array, g: Float64Array, cnstnd: boolean): number {
  // with no bounds the projection is the identity
  if (!cnstnd) return normInf(g);
  const { l, u, nbd } = box;
  let norm = 0;
  for (let i = 0; i < x.length; i++) {
    let gi = g[i];
    if (nbd[i] !== 0) {
      if (gi < 0) {
        if (nbd[i] >= 2) gi = Math.max(x[i] - u[i], gi);
      } else if (nbd[i] <= 2) gi = Math.min(x[i] - l[i], gi);
    }
    const a = Math.abs(gi);
    if (a > norm || Number.isNaN(a)) norm = a;
  }
  return norm;
}

/** scipy's L-BFGS-B (the 3.0 algorithm): bound-constrained limited-memory BFGS. */
export function minimizeLbfgsb(p: Problem, o: Record<string, unknown>): OptimizeResult {
  checkOptions('minimize(method="L-BFGS-B")', o, LBFGSB_OPTIONS);
  const n = p.n;
  const m = numOpt(
    "L-BFGS-B",
    o,
    "maxcor",
    10,
    (v) => Number.isInteger(v) && v > 0,
    "a positive integer",
  );
  const ftol = numOpt("L-BFGS-B", o, "ftol", 2.2204460492503131e-9);
  const pgtol = numOpt("L-BFGS-B", o, "gtol", 1e-5);
  const eps = numOpt("L-BFGS-B", o, "eps", 1e-8);
  const maxfun = numOpt("L-BFGS-B", o, "maxfun", 15000);
  const maxiter = numOpt("L-BFGS-B", o, "maxiter", 15000);
  const maxls = numOpt("L-BFGS-B", o, "maxls", 20);
  if (!(maxls > 0))
    throw rangeError(`minimize(method="L-BFGS-B"): maxls must be positive, got ${maxls}.`);
  const factr = ftol / EPSMCH;
  const tol = factr * EPSMCH;
  const relStep = (o.finiteDiffRelStep as number | undefined) ?? null;

  const l = f64(n);
  const u = f64(n);
  const nbd = allocate("int32", n);
  const x = copyF64(p.x0);
  if (p.lb !== null && p.ub !== null) {
    for (let i = 0; i < n; i++) {
      const lo = p.lb[i];
      const hi = p.ub[i];
      x[i] = Math.min(Math.max(x[i], lo), hi);
      const hasL = lo !== Number.NEGATIVE_INFINITY;
      const hasU = hi !== Number.POSITIVE_INFINITY;
      if (hasL) l[i] = lo;
      if (hasU) u[i] = hi;
      nbd[i] = hasL ? (hasU ? 2 : 1) : hasU ? 3 : 0;
    }
  }
  const box: Box = { l, u, nbd };
  const sf = prepareScalarFunction({ ...p, x0: x }, eps, relStep);

  // subroutine active: initial iwhere, cnstnd, boxed
  const iwhere = allocate("int32", n);
  let cnstnd = false;
  let boxed = true;
  for (let i = 0; i < n; i++) {
    if (nbd[i] !== 2) boxed = false;
    if (nbd[i] === 0) iwhere[i] = -1;
    else {
      cnstnd = true;
      iwhere[i] = nbd[i] === 2 && u[i] - l[i] <= 0 ? 3 : 0;
    }
  }

  const st: LbfgsbState = newState(n, m, cnstnd);
  const first = sf.funAndGrad(x);
  let f = first[0];
  // the gradient at x, refilled in place: every evaluation's vector is copied in, never kept
  const g = copyF64(first[1]);
  let nIterations = 0;
  let sbgnrm = projgr(box, x, g, cnstnd);
  let task: { status: string; detail: string } | null = null;
  if (sbgnrm <= pgtol)
    task = { status: "CONVERGENCE", detail: "NORM OF PROJECTED GRADIENT <= PGTOL" };

  const z = f64(n);
  const r = f64(n);
  const d = f64(n);
  const t = f64(n);
  const c = f64(2 * m);
  const index = allocate("int32", n);
  let nfree = n;
  let iter = 0;
  // the line search's view of f along x = t + s·d (t the start point), made once for the run
  let ifun = 0;
  let gd = 0;
  const evalAt = (s: number) => {
    if (ifun >= maxls) throw new LineSearchAbort();
    ifun++;
    if (s === 1) x.set(z);
    else scaleAdd(x, s, d, t);
    const fg = sf.funAndGrad(x);
    f = fg[0];
    g.set(fg[1]);
    gd = dot(g, d);
    return f;
  };
  const slope = () => gd;

  while (task === null) {
    // one L-BFGS-B iteration (label 222)
    let ok = true;
    if (!cnstnd && st.col > 0) {
      // Without bounds every variable is free at x and the subspace step is the L-BFGS step
      // -H g (B = θI - W M Wᵀ inverted): the two-loop recursion gives it in O(mn), where
      // formk/cmprlb/subsm refactor the 2m×2m middle matrix, O(m³), every iteration.
      negate(r, g);
      twoLoop(st.ws, st.wy, m, st.head, st.col, st.rho, 1 / st.theta, r, st.alpha);
      // the step below is z - x, not r: lnsrlb rounds it that way
      add(z, x, r);
    } else {
      const nseg = cauchy(st, box, x, g, iwhere, z, c, sbgnrm);
      if (nseg < 0) {
        resetMemory(st);
        continue;
      }
      // subroutine freev: the free set at the Cauchy point (the Fortran's incremental formk,
      // which needs to know which variables entered or left it, is not used: formk starts afresh)
      nfree = 0;
      for (let i = 0; i < n; i++) if (iwhere[i] <= 0) index[nfree++] = i;
      for (let i = 0, a = n - 1; i < n; i++) if (iwhere[i] > 0) index[a--] = i;
      if (nfree !== 0 && st.col !== 0) {
        const wn = formk(st, index, nfree);
        if (wn === null) {
          resetMemory(st);
          continue;
        }
        ok = cmprlb(st, x, g, z, c, index, nfree, r);
        if (ok) ok = subsm(st, box, index, nfree, z, r, wn, x, g);
        if (!ok) {
          resetMemory(st);
          continue;
        }
      }
    }
    // subroutine lnsrlb: the step d = z - x, its squared length and the slope g·d
    sub(d, z, x);
    const dtd = dot(d, d);
    const gd0 = dot(g, d);
    const dnorm = Math.sqrt(dtd);
    let stpmx = 1e10;
    if (cnstnd) {
      if (iter === 0) stpmx = 1;
      else {
        for (let i = 0; i < n; i++) {
          const a1 = d[i];
          if (nbd[i] === 0) continue;
          if (a1 < 0 && nbd[i] <= 2) {
            const a2 = l[i] - x[i];
            if (a2 >= 0) stpmx = 0;
            else if (a1 * stpmx < a2) stpmx = a2 / a1;
          } else if (a1 > 0 && nbd[i] >= 2) {
            const a2 = u[i] - x[i];
            if (a2 <= 0) stpmx = 0;
            else if (a1 * stpmx > a2) stpmx = a2 / a1;
          }
        }
      }
    }
    const stp0 = iter === 0 && !boxed ? Math.min(1 / dnorm, stpmx) : 1;
    t.set(x);
    r.set(g);
    const fold = f;
    gd = gd0;
    const gdold = gd;
    ifun = 0;
    let lsFailed = gd >= 0;
    let stp = stp0;
    if (!lsFailed) {
      try {
        const res = dcsrch(
          evalAt,
          slope,
          1e-3,
          0.9,
          0.1,
          0,
          stpmx,
          stp0,
          fold,
          gdold,
          Number.POSITIVE_INFINITY,
          true,
        );
        stp = res.stp ?? stp;
      } catch (e) {
        if (!(e instanceof LineSearchAbort)) throw e;
        lsFailed = true;
      }
    }
    if (lsFailed) {
      x.set(t);
      g.set(r);
      f = fold;
      if (st.col === 0) {
        task = { status: "ABNORMAL", detail: "" };
        iter++;
        break;
      }
      resetMemory(st);
      continue;
    }
    iter++;
    // with no bounds the projected gradient is the gradient
    sbgnrm = projgr(box, x, g, cnstnd);
    // NEW_X: back in the driver
    nIterations++;
    if (p.callback?.(x, f)) {
      task = { status: "STOP", detail: "CALLBACK REQUESTED HALT" };
    }
    if (nIterations >= maxiter) {
      task = { status: "STOP", detail: "TOTAL NO. OF ITERATIONS REACHED LIMIT" };
    } else if (sf.nfev > maxfun) {
      task = { status: "STOP", detail: "TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT" };
    }
    if (task !== null) break;
    // label 777: termination tests
    if (sbgnrm <= pgtol) {
      task = { status: "CONVERGENCE", detail: "NORM OF PROJECTED GRADIENT <= PGTOL" };
      break;
    }
    const ddum = Math.max(Math.abs(fold), Math.abs(f), 1);
    if (fold - f <= tol * ddum) {
      task = { status: "CONVERGENCE", detail: "RELATIVE REDUCTION OF F <= FACTR*EPSMCH" };
      break;
    }
    sub(r, g, r);
    const rr = dot(r, r);
    let dr: number;
    let ddum2: number;
    if (stp === 1) {
      dr = gd - gdold;
      ddum2 = -gdold;
    } else {
      dr = (gd - gdold) * stp;
      for (let i = 0; i < n; i++) d[i] *= stp;
      ddum2 = -gdold * stp;
    }
    if (dr <= EPSMCH * ddum2) continue;
    st.iupdat++;
    matupd(st, d, r, rr, dr, stp, dtd);
    if (!formt(st)) resetMemory(st);
  }
  let warnflag: number;
  if (task?.status === "CONVERGENCE") warnflag = 0;
  else if (sf.nfev > maxfun || nIterations >= maxiter) warnflag = 1;
  else warnflag = 2;
  const detail =
    task?.status === "ABNORMAL"
      ? "ABNORMAL_TERMINATION_IN_LNSRCH"
      : (task as { detail: string }).detail;
  const status = task?.status === "ABNORMAL" ? "ABNORMAL" : (task as { status: string }).status;
  const message = status === "ABNORMAL" ? "ABNORMAL: " : `${status}: ${detail}`;
  const nCorrs = Math.min(st.iupdat, m);
  return new OptimizeResult({
    fun: f,
    jac: vec(g),
    nfev: sf.nfev,
    njev: sf.ngev,
    nit: nIterations,
    status: warnflag,
    message,
    x: vec(x),
    success: warnflag === 0,
    hessInv: new LbfgsInvHessProduct(st, nCorrs),
  } as never);
}
