// scipy's line_search_wolfe1 (DCSRCH), line_search_wolfe2 (Nocedal & Wright's zoom) and the
// wolfe12 combination BFGS, CG and Newton-CG use.
import { f64 } from "./alloc.js";
import { dcsrch } from "./dcsrch.js";
import { dot, scaleAdd } from "./vec.js";

export interface LineSearchResult {
  alpha: number | null;
  fc: number;
  gc: number;
  fval: number;
  oldFval: number;
  /** Gradient at the accepted point (null when the search did not evaluate it there). */
  gval: Float64Array | null;
  /** The accepted point xk + alpha pk when the search built it last (else null). */
  xval?: Float64Array | null;
}

type Fn = (x: Float64Array) => number;
type Grad = (x: Float64Array) => Float64Array;

function pointAt(xk: Float64Array, s: number, pk: Float64Array): Float64Array {
  const x = f64(xk.length);
  scaleAdd(x, s, pk, xk); // s·pk + xk, the same double as xk + s·pk
  return x;
}

/**
 * xk + s pk, remembering the last step: the searches ask for f and then g at the same step, and
 * one array (never written after) serves both.
 */
interface PointsOn {
  (s: number): Float64Array;
  /** The last point built, if it was for step s. */
  cached(s: number): Float64Array | null;
}

function pointsOn(xk: Float64Array, pk: Float64Array): PointsOn {
  let lastS = Number.NaN;
  let last: Float64Array | null = null;
  const at = (s: number) => {
    if (last === null || !Object.is(s, lastS)) {
      last = pointAt(xk, s, pk);
      lastS = s;
    }
    return last;
  };
  at.cached = (s: number) => (last !== null && Object.is(s, lastS) ? last : null);
  return at;
}

export interface WolfeOptions {
  c1: number;
  c2: number;
  amax: number;
  amin: number;
  xtol: number;
  /** amax for the wolfe2 fallback when it differs (Newton-CG passes none: null). */
  amax2?: number | null;
}

export function lineSearchWolfe1(
  f: Fn,
  fprime: Grad,
  xk: Float64Array,
  pk: Float64Array,
  gfk: Float64Array,
  oldFval: number,
  oldOldFval: number | null,
  o: WolfeOptions,
): LineSearchResult {
  let gval = gfk;
  let fc = 0;
  let gc = 0;
  const at = pointsOn(xk, pk);
  const phi = (s: number) => {
    fc++;
    return f(at(s));
  };
  const derphi = (s: number) => {
    gval = fprime(at(s));
    gc++;
    return dot(gval, pk);
  };
  const derphi0 = dot(gfk, pk);
  let alpha1 = 1.0;
  if (oldOldFval !== null && derphi0 !== 0) {
    alpha1 = Math.min(1.0, (1.01 * 2 * (oldFval - oldOldFval)) / derphi0);
    if (alpha1 < 0) alpha1 = 1.0;
  }
  const r = dcsrch(phi, derphi, o.c1, o.c2, o.xtol, o.amin, o.amax, alpha1, oldFval, derphi0, 100);
  const xval = r.stp === null ? null : at.cached(r.stp);
  return { alpha: r.stp, fc, gc, fval: r.phi1, oldFval: r.phi0, gval, xval };
}

function cubicmin(
  a: number,
  fa: number,
  fpa: number,
  b: number,
  fb: number,
  c: number,
  fc: number,
): number | null {
  const C = fpa;
  const db = b - a;
  const dc = c - a;
  const denom = (db * dc) ** 2 * (db - dc);
  if (denom === 0 || !Number.isFinite(denom)) return null;
  const u = fb - fa - C * db;
  const v = fc - fa - C * dc;
  let A = dc ** 2 * u + -(db ** 2) * v;
  let B = -(dc ** 3) * u + db ** 3 * v;
  A /= denom;
  B /= denom;
  const radical = B * B - 3 * A * C;
  if (
    radical < 0 ||
    A === 0 ||
    !Number.isFinite(A) ||
    !Number.isFinite(B) ||
    !Number.isFinite(radical)
  )
    return null;
  const xmin = a + (-B + Math.sqrt(radical)) / (3 * A);
  return Number.isFinite(xmin) ? xmin : null;
}

function quadmin(a: number, fa: number, fpa: number, b: number, fb: number): number | null {
  const D = fa;
  const C = fpa;
  const db = b - a * 1.0;
  if (db === 0) return null;
  const B = (fb - D - C * db) / (db * db);
  if (B === 0 || !Number.isFinite(B)) return null;
  const xmin = a - C / (2.0 * B);
  return Number.isFinite(xmin) ? xmin : null;
}

function zoom(
  aLo0: number,
  aHi0: number,
  phiLo0: number,
  phiHi0: number,
  derphiLo0: number,
  phi: (a: number) => number,
  derphi: (a: number) => number,
  phi0: number,
  derphi0: number,
  c1: number,
  c2: number,
  extra: (a: number, phi: number) => boolean,
): { a: number | null; val: number | null; valprime: number | null } {
  let aLo = aLo0;
  let aHi = aHi0;
  let phiLo = phiLo0;
  let phiHi = phiHi0;
  let derphiLo = derphiLo0;
  const maxiter = 10;
  let i = 0;
  const delta1 = 0.2;
  const delta2 = 0.1;
  let phiRec = phi0;
  let aRec = 0;
  for (;;) {
    const dalpha = aHi - aLo;
    const [a, b] = dalpha < 0 ? [aHi, aLo] : [aLo, aHi];
    let aj: number | null = null;
    let cchk = 0;
    if (i > 0) {
      cchk = delta1 * dalpha;
      aj = cubicmin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec);
    }
    if (i === 0 || aj === null || aj > b - cchk || aj < a + cchk) {
      const qchk = delta2 * dalpha;
      aj = quadmin(aLo, phiLo, derphiLo, aHi, phiHi);
      if (aj === null || aj > b - qchk || aj < a + qchk) aj = aLo + 0.5 * dalpha;
    }
    const phiAj = phi(aj);
    if (phiAj > phi0 + c1 * aj * derphi0 || phiAj >= phiLo) {
      phiRec = phiHi;
      aRec = aHi;
      aHi = aj;
      phiHi = phiAj;
    } else {
      const derphiAj = derphi(aj);
      if (Math.abs(derphiAj) <= -c2 * derphi0 && extra(aj, phiAj)) {
        return { a: aj, val: phiAj, valprime: derphiAj };
      }
      if (derphiAj * (aHi - aLo) >= 0) {
        phiRec = phiHi;
        aRec = aHi;
        aHi = aLo;
        phiHi = phiLo;
      } else {
        phiRec = phiLo;
        aRec = aLo;
      }
      aLo = aj;
      phiLo = phiAj;
      derphiLo = derphiAj;
    }
    i++;
    if (i > maxiter) return { a: null, val: null, valprime: null };
  }
}

/**
 * An extra acceptance test on a Wolfe point (CG's descent check): step, f and g there, and the
 * point itself (xk + alpha pk, built as the search built it) when the search still has it.
 */
export type ExtraCondition = (
  alpha: number,
  phi: number,
  g: Float64Array,
  x: Float64Array | null,
) => boolean;

export function lineSearchWolfe2(
  f: Fn,
  fprime: Grad,
  xk: Float64Array,
  pk: Float64Array,
  gfk: Float64Array,
  oldFval: number,
  oldOldFval: number | null,
  c1: number,
  c2: number,
  amax: number | null,
  extraCondition: ExtraCondition | null,
  maxiter = 10,
): LineSearchResult {
  let fc = 0;
  let gc = 0;
  let gval: Float64Array | null = null;
  let gvalAlpha: number | null = null;
  const at = pointsOn(xk, pk);
  const phi = (alpha: number) => {
    fc++;
    return f(at(alpha));
  };
  const derphi = (alpha: number) => {
    gc++;
    gval = fprime(at(alpha));
    gvalAlpha = alpha;
    return dot(gval, pk);
  };
  const derphi0 = dot(gfk, pk);
  const extra = (alpha: number, phiv: number): boolean => {
    if (extraCondition === null) return true;
    if (gvalAlpha !== alpha) derphi(alpha);
    return extraCondition(alpha, phiv, gval as unknown as Float64Array, at.cached(alpha));
  };

  let phi0 = oldFval;
  let alpha0 = 0;
  let alpha1 = 1.0;
  if (oldOldFval !== null && derphi0 !== 0)
    alpha1 = Math.min(1.0, (1.01 * 2 * (phi0 - oldOldFval)) / derphi0);
  if (alpha1 < 0) alpha1 = 1.0;
  if (amax !== null) alpha1 = Math.min(alpha1, amax);
  let phiA1 = phi(alpha1);
  let phiA0 = phi0;
  let derphiA0 = derphi0;
  let alphaStar: number | null = null;
  let phiStar: number | null = null;
  let derphiStar: number | null = null;
  let done = false;
  // both bracketing cases (sufficient decrease lost, or slope turned positive) finish the same
  // way; only which end is "lo" differs
  const zoomInto = (aLo: number, aHi: number, phiLo: number, phiHi: number, derphiLo: number) => {
    const z = zoom(aLo, aHi, phiLo, phiHi, derphiLo, phi, derphi, phi0, derphi0, c1, c2, extra);
    alphaStar = z.a;
    phiStar = z.val;
    derphiStar = z.valprime;
    done = true;
  };
  for (let i = 0; i < maxiter; i++) {
    if (alpha1 === 0 || (amax !== null && alpha0 > amax)) {
      alphaStar = null;
      phiStar = phi0;
      phi0 = oldOldFval as number;
      derphiStar = null;
      done = true;
      break;
    }
    if (phiA1 > phi0 + c1 * alpha1 * derphi0 || (phiA1 >= phiA0 && i > 0)) {
      zoomInto(alpha0, alpha1, phiA0, phiA1, derphiA0);
      break;
    }
    const derphiA1 = derphi(alpha1);
    if (Math.abs(derphiA1) <= -c2 * derphi0 && extra(alpha1, phiA1)) {
      alphaStar = alpha1;
      phiStar = phiA1;
      derphiStar = derphiA1;
      done = true;
      break;
    }
    if (derphiA1 >= 0) {
      zoomInto(alpha1, alpha0, phiA1, phiA0, derphiA1);
      break;
    }
    let alpha2 = 2 * alpha1;
    if (amax !== null) alpha2 = Math.min(alpha2, amax);
    alpha0 = alpha1;
    alpha1 = alpha2;
    phiA0 = phiA1;
    phiA1 = phi(alpha1);
    derphiA0 = derphiA1;
  }
  if (!done) {
    alphaStar = alpha1;
    phiStar = phiA1;
    derphiStar = null;
  }
  return {
    alpha: alphaStar,
    fc,
    gc,
    fval: phiStar as number,
    oldFval: phi0,
    gval: derphiStar === null ? null : gval,
    xval: alphaStar === null ? null : at.cached(alphaStar),
  };
}

export class LineSearchError extends Error {}

/**
 * lineSearchWolfe12 with failure as null: every gradient method turns a failed search into
 * status 2 rather than letting the error escape.
 */
export function tryLineSearchWolfe12(
  ...args: Parameters<typeof lineSearchWolfe12>
): LineSearchResult | null {
  try {
    return lineSearchWolfe12(...args);
  } catch (e) {
    if (e instanceof LineSearchError) return null;
    throw e;
  }
}

/** wolfe1, then wolfe2 if it fails; throws LineSearchError when both fail. */
export function lineSearchWolfe12(
  f: Fn,
  fprime: Grad,
  xk: Float64Array,
  pk: Float64Array,
  gfk: Float64Array,
  oldFval: number,
  oldOldFval: number | null,
  o: WolfeOptions,
  extraCondition: ExtraCondition | null = null,
): LineSearchResult {
  let ret = lineSearchWolfe1(f, fprime, xk, pk, gfk, oldFval, oldOldFval, o);
  if (ret.alpha !== null && extraCondition !== null) {
    if (!extraCondition(ret.alpha, ret.fval, ret.gval as Float64Array, ret.xval ?? null))
      ret = { ...ret, alpha: null };
  }
  if (ret.alpha === null) {
    ret = lineSearchWolfe2(
      f,
      fprime,
      xk,
      pk,
      gfk,
      oldFval,
      oldOldFval,
      o.c1,
      o.c2,
      o.amax,
      extraCondition,
    );
  }
  if (ret.alpha === null) throw new LineSearchError();
  return ret;
}
