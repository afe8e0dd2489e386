// scipy's one-dimensional minimizers: bracket, Brent, golden section and the bounded
// (fminbound) method, shared by minimizeScalar and Powell's line searches.
import { pyFloat } from "./format.js";
import { STATUS_MESSAGES } from "./problem.js";

export type Fn1 = (x: number) => number;

export interface ScalarResult {
  x: number;
  fun: number;
  nit: number;
  nfev: number;
  success: boolean;
  message: string;
  status?: number;
}

export class BracketError extends Error {
  constructor(
    message: string,
    readonly data: [number, number, number, number, number, number, number],
  ) {
    super(message);
  }
}

/** Finds a < b < c (or reversed) with f(b) below both ends, growing from xa, xb. */
export function bracket(
  func: Fn1,
  xa0 = 0.0,
  xb0 = 1.0,
  growLimit = 110.0,
  maxiter = 1000,
): [number, number, number, number, number, number, number] {
  const gold = 1.618034;
  const verySmall = 1e-21;
  let xa = xa0;
  let xb = xb0;
  let fa = func(xa);
  let fb = func(xb);
  if (fa < fb) {
    [xa, xb] = [xb, xa];
    [fa, fb] = [fb, fa];
  }
  let xc = xb + gold * (xb - xa);
  let fc = func(xc);
  let funcalls = 3;
  let iter = 0;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < verySmall ? 2.0 * verySmall : 2.0 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + growLimit * (xc - xb);
    if (iter > maxiter) {
      throw new RangeError(
        "No valid bracket was found before the iteration limit was reached. Consider trying different initial points or increasing `maxiter`.",
      );
    }
    iter++;
    let fw: number;
    if ((w - xc) * (xb - w) > 0.0) {
      fw = func(w);
      funcalls++;
      if (fw < fc) {
        xa = xb;
        xb = w;
        fa = fb;
        fb = fw;
        break;
      }
      if (fw > fb) {
        xc = w;
        fc = fw;
        break;
      }
      w = xc + gold * (xc - xb);
      fw = func(w);
      funcalls++;
    } else if ((w - wlim) * (wlim - xc) >= 0.0) {
      w = wlim;
      fw = func(w);
      funcalls++;
    } else if ((w - wlim) * (xc - w) > 0.0) {
      fw = func(w);
      funcalls++;
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + gold * (xc - xb);
        fb = fc;
        fc = fw;
        fw = func(w);
        funcalls++;
      }
    } else {
      w = xc + gold * (xc - xb);
      fw = func(w);
      funcalls++;
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  const cond1 = (fb < fc && fb <= fa) || (fb < fa && fb <= fc);
  const cond2 = (xa < xb && xb < xc) || (xc < xb && xb < xa);
  const cond3 = Number.isFinite(xa) && Number.isFinite(xb) && Number.isFinite(xc);
  if (!(cond1 && cond2 && cond3)) {
    throw new BracketError(
      "The algorithm terminated without finding a valid bracket. Consider trying different initial points.",
      [xa, xb, xc, fa, fb, fc, funcalls],
    );
  }
  return [xa, xb, xc, fa, fb, fc, funcalls];
}

function bracketInfo(
  func: Fn1,
  brack: readonly number[] | null,
): [number, number, number, number, number, number, number] {
  if (brack === null) return bracket(func);
  if (brack.length === 2) return bracket(func, brack[0], brack[1]);
  if (brack.length === 3) {
    let [xa, xb, xc] = brack;
    if (xa > xc) [xc, xa] = [xa, xc];
    if (!(xa < xb && xb < xc)) {
      throw new RangeError(
        "minimizeScalar: bracketing values (xa, xb, xc) do not fulfill this requirement: (xa < xb) and (xb < xc).",
      );
    }
    const fa = func(xa);
    const fb = func(xb);
    const fc = func(xc);
    if (!(fb < fa && fb < fc)) {
      throw new RangeError(
        "minimizeScalar: bracketing values (xa, xb, xc) do not fulfill this requirement: (f(xb) < f(xa)) and (f(xb) < f(xc)).",
      );
    }
    return [xa, xb, xc, fa, fb, fc, 3];
  }
  throw new RangeError(
    `minimizeScalar: the bracketing interval must be a sequence of length 2 or 3, got length ${brack.length}.`,
  );
}

function successMessage(xtol: number): string {
  return `\nOptimization terminated successfully;\nThe returned value satisfies the termination criteria\n(using xtol = ${pyFloat(xtol)} )`;
}

/** Brent's method (parabolic interpolation with golden-section safeguard). */
export function brent(
  func: Fn1,
  brack: readonly number[] | null,
  tol = 1.48e-8,
  maxiter = 500,
): ScalarResult {
  const [xa, xb, xc, , fb, , funcalls0] = bracketInfo(func, brack);
  let funcalls = funcalls0;
  const mintol = 1.0e-11;
  const cg = 0.381966;
  let x = xb;
  let w = xb;
  let v = xb;
  let fw = fb;
  let fv = fb;
  let fx = fb;
  let a = Math.min(xa, xc);
  let b = Math.max(xa, xc);
  let deltax = 0.0;
  let rat = 0;
  let iter = 0;
  while (iter < maxiter) {
    const tol1 = tol * Math.abs(x) + mintol;
    const tol2 = 2.0 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = cg * deltax;
    } else {
      const tmp1 = (x - w) * (fx - fv);
      let tmp2 = (x - v) * (fx - fw);
      let p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2.0 * (tmp2 - tmp1);
      if (tmp2 > 0.0) p = -p;
      tmp2 = Math.abs(tmp2);
      const dxTemp = deltax;
      deltax = rat;
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
        rat = (p * 1.0) / tmp2;
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = cg * deltax;
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const fu = func(u);
    funcalls++;
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        w = u;
        fv = fw;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    }
    iter++;
  }
  const success = iter < maxiter && !(Number.isNaN(x) || Number.isNaN(fx));
  let message = successMessage(tol);
  if (!success) {
    if (iter >= maxiter) message = "\nMaximum number of iterations exceeded";
    if (Number.isNaN(x) || Number.isNaN(fx)) message = STATUS_MESSAGES.nan;
  }
  return { fun: fx, x, nit: iter, nfev: funcalls, success, message };
}

/** Golden-section search. */
export function golden(
  func: Fn1,
  brack: readonly number[] | null,
  tol = Math.sqrt(2.220446049250313e-16),
  maxiter = 5000,
): ScalarResult {
  const [xa, xb, xc, , , , funcalls0] = bracketInfo(func, brack);
  let funcalls = funcalls0;
  const gR = 0.61803399;
  const gC = 1.0 - gR;
  let x3 = xc;
  let x0 = xa;
  let x1: number;
  let x2: number;
  if (Math.abs(xc - xb) > Math.abs(xb - xa)) {
    x1 = xb;
    x2 = xb + gC * (xc - xb);
  } else {
    x2 = xb;
    x1 = xb - gC * (xb - xa);
  }
  let f1 = func(x1);
  let f2 = func(x2);
  funcalls += 2;
  let nit = 0;
  for (let i = 0; i < maxiter; i++) {
    if (Math.abs(x3 - x0) <= tol * (Math.abs(x1) + Math.abs(x2))) break;
    if (f2 < f1) {
      x0 = x1;
      x1 = x2;
      x2 = gR * x1 + gC * x3;
      f1 = f2;
      f2 = func(x2);
    } else {
      x3 = x2;
      x2 = x1;
      x1 = gR * x2 + gC * x0;
      f2 = f1;
      f1 = func(x1);
    }
    funcalls++;
    nit++;
  }
  const [xmin, fval] = f1 < f2 ? [x1, f1] : [x2, f2];
  const success = nit < maxiter && !(Number.isNaN(fval) || Number.isNaN(xmin));
  let message = successMessage(tol);
  if (!success) {
    if (nit >= maxiter) message = "\nMaximum number of iterations exceeded";
    if (Number.isNaN(xmin) || Number.isNaN(fval)) message = STATUS_MESSAGES.nan;
  }
  return { fun: fval, nfev: funcalls, x: xmin, nit, success, message };
}

/** Brent's bounded minimization on [x1, x2] (scipy's fminbound). */
export function bounded(
  func: Fn1,
  x1: number,
  x2: number,
  xatol = 1e-5,
  maxiter = 500,
): ScalarResult {
  const maxfun = maxiter;
  let flag = 0;
  const sqrtEps = Math.sqrt(2.2e-16);
  const goldenMean = 0.5 * (3.0 - Math.sqrt(5.0));
  let a = x1;
  let b = x2;
  let fulc = a + goldenMean * (b - a);
  let nfc = fulc;
  let xf = fulc;
  let rat = 0.0;
  let e = 0.0;
  let x = xf;
  let fx = func(x);
  let num = 1;
  let fu = Number.POSITIVE_INFINITY;
  let ffulc = fx;
  let fnfc = fx;
  let xm = 0.5 * (a + b);
  let tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
  let tol2 = 2.0 * tol1;
  while (Math.abs(xf - xm) > tol2 - 0.5 * (b - a)) {
    let goldenStep = true;
    if (Math.abs(e) > tol1) {
      goldenStep = false;
      let r = (xf - nfc) * (fx - ffulc);
      let q = (xf - fulc) * (fx - fnfc);
      let p = (xf - fulc) * q - (xf - nfc) * r;
      q = 2.0 * (q - r);
      if (q > 0.0) p = -p;
      q = Math.abs(q);
      r = e;
      e = rat;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
        rat = (p + 0.0) / q;
        x = xf + rat;
        if (x - a < tol2 || b - x < tol2) {
          const si = Math.sign(xm - xf) + (xm - xf === 0 ? 1 : 0);
          rat = tol1 * si;
        }
      } else goldenStep = true;
    }
    if (goldenStep) {
      e = xf >= xm ? a - xf : b - xf;
      rat = goldenMean * e;
    }
    const si = Math.sign(rat) + (rat === 0 ? 1 : 0);
    x = xf + si * Math.max(Math.abs(rat), tol1);
    fu = func(x);
    num++;
    if (fu <= fx) {
      if (x >= xf) a = xf;
      else b = xf;
      fulc = nfc;
      ffulc = fnfc;
      nfc = xf;
      fnfc = fx;
      xf = x;
      fx = fu;
    } else {
      if (x < xf) a = x;
      else b = x;
      if (fu <= fnfc || nfc === xf) {
        fulc = nfc;
        ffulc = fnfc;
        nfc = x;
        fnfc = fu;
      } else if (fu <= ffulc || fulc === xf || fulc === nfc) {
        fulc = x;
        ffulc = fu;
      }
    }
    xm = 0.5 * (a + b);
    tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
    tol2 = 2.0 * tol1;
    if (num >= maxfun) {
      flag = 1;
      break;
    }
  }
  if (Number.isNaN(xf) || Number.isNaN(fx) || Number.isNaN(fu)) flag = 2;
  const messages = [
    "Solution found.",
    "Maximum number of function calls reached.",
    STATUS_MESSAGES.nan,
  ];
  return {
    fun: fx,
    status: flag,
    success: flag === 0,
    message: messages[flag],
    x: xf,
    nfev: num,
    nit: num,
  };
}

/** Runs a bracketing solver, turning a bracket failure into an unsuccessful result (as scipy does). */
export function recoverFromBracketError(run: () => ScalarResult): ScalarResult {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof BracketError)) throw e;
    const [xa, xb, xc, fa, fb, fc, funcalls] = e.data;
    const xs = [xa, xb, xc];
    const fs = [fa, fb, fc];
    let x: number;
    let fun: number;
    if ([...xs, ...fs].some(Number.isNaN)) {
      x = Number.NaN;
      fun = Number.NaN;
    } else {
      let imin = 0;
      for (let i = 1; i < 3; i++) if (fs[i] < fs[imin]) imin = i;
      x = xs[imin];
      fun = fs[imin];
    }
    return { fun, nfev: funcalls, x, nit: 0, success: false, message: e.message };
  }
}
