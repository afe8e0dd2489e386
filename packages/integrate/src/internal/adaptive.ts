import { EPMACH, fmax, OFLOW, UFLOW } from "./constants.js";
import { ABSERR, RESASC, RESULT, type Rule } from "./qk21.js";
import { qpsrt } from "./qpsrt.js";
import type { Workspace } from "./workspace.js";

/**
 * The running state of QUADPACK's adaptive loop that dqagse/dqagie (qagse.ts) and dqagpe
 * (qagpe.ts) update identically. The drivers keep their own extrapolation bookkeeping (they
 * differ in how "small" is measured and in a few comparisons); everything here is shared so the
 * two cannot drift apart. One state is made per quad call, never per iteration.
 */
export interface AdaptiveState {
  /** Index of the subinterval with the largest error estimate (next to bisect). */
  maxerr: number;
  /** Its error estimate. */
  errmax: number;
  /** Position of maxerr in iord. */
  nrmax: number;
  /** Sum of the integrals over all subintervals. */
  area: number;
  /** Sum of their error estimates. */
  errsum: number;
  /** Requested accuracy for the current area. */
  errbnd: number;
  ier: number;
  /** 3 once roundoff has been seen during extrapolation (dqagse's ierro). */
  ierro: number;
  /** Roundoff counters: before extrapolation, during it, and error growth after bisection. */
  iroff1: number;
  iroff2: number;
  iroff3: number;
  /** True while extrapolating (roundoff then counts in iroff2). */
  extrap: boolean;
  /** Left end, midpoint and summed error of the last bisection, for the caller's tests. */
  a1: number;
  b1: number;
  error12: number;
}

/** A fresh state; the driver fills in maxerr, errmax, area and errsum from its first pass. */
export function adaptiveState(): AdaptiveState {
  return {
    maxerr: 0,
    errmax: 0,
    nrmax: 0,
    area: 0,
    errsum: 0,
    errbnd: 0,
    ier: 0,
    ierro: 0,
    iroff1: 0,
    iroff2: 0,
    iroff3: 0,
    extrap: false,
    a1: 0,
    b1: 0,
    error12: 0,
  };
}

/**
 * One bisection of QUADPACK's adaptive loop, written once for every driver: halve subinterval
 * maxerr, store the halves in slots maxerr and L, update area/errsum, count roundoff, set ier
 * (2 roundoff, 1 limit reached, 4 interval too small) and pick the next maxerr. The expressions
 * and their order are QUADPACK's, so results stay bit-for-bit those of scipy.
 */
export function bisect(
  s: AdaptiveState,
  rule: Rule,
  w: Workspace,
  L: number,
  limit: number,
  epsabs: number,
  epsrel: number,
): void {
  const { alist, blist, rlist, elist, iord, out } = w;
  const maxerr = s.maxerr;
  const errmax = s.errmax;
  const last = L + 1;
  const a1 = alist[maxerr];
  const b1 = 0.5 * (alist[maxerr] + blist[maxerr]);
  const a2 = b1;
  const b2 = blist[maxerr];
  rule.apply(a1, b1, out);
  const area1 = out[RESULT];
  const error1 = out[ABSERR];
  const defab1 = out[RESASC];
  rule.apply(a2, b2, out);
  const area2 = out[RESULT];
  const error2 = out[ABSERR];
  const defab2 = out[RESASC];

  // Improve the previous approximations of the integral and its error, and test for roundoff.
  const area12 = area1 + area2;
  const error12 = error1 + error2;
  s.errsum = s.errsum + error12 - errmax;
  s.area = s.area + area12 - rlist[maxerr];
  if (defab1 !== error1 && defab2 !== error2) {
    if (!(Math.abs(rlist[maxerr] - area12) > 1e-5 * Math.abs(area12) || error12 < 0.99 * errmax)) {
      if (s.extrap) s.iroff2++;
      else s.iroff1++;
    }
    if (L > 9 && error12 > errmax) s.iroff3++;
  }
  rlist[maxerr] = area1;
  rlist[L] = area2;
  s.errbnd = fmax(epsabs, epsrel * Math.abs(s.area));
  if (s.iroff1 + s.iroff2 >= 10 || s.iroff3 >= 20) s.ier = 2;
  if (s.iroff2 >= 5) s.ierro = 3;
  if (last === limit) s.ier = 1;
  // The interval is too small to be bisected again.
  if (fmax(Math.abs(a1), Math.abs(b2)) <= (1 + 100 * EPMACH) * (Math.abs(a2) + 1000 * UFLOW)) {
    s.ier = 4;
  }
  // The half with the larger error keeps slot maxerr; the other is appended.
  if (!(error2 > error1)) {
    alist[L] = a2;
    blist[maxerr] = b1;
    blist[L] = b2;
    elist[maxerr] = error1;
    elist[L] = error2;
  } else {
    alist[maxerr] = a2;
    alist[L] = a1;
    blist[L] = b1;
    rlist[maxerr] = area2;
    rlist[L] = area1;
    elist[maxerr] = error2;
    elist[L] = error1;
  }
  s.nrmax = qpsrt(limit, last, maxerr, s.nrmax, elist, iord);
  s.maxerr = iord[s.nrmax];
  s.errmax = elist[s.maxerr];
  s.a1 = a1;
  s.b1 = b1;
  s.error12 = error12;
}

/**
 * Before extrapolating, QUADPACK first bisects any still "large" interval among the next ones by
 * error (only as deep in iord as later bisections can reach, jupbnd). Moves maxerr to the first
 * such interval and returns true, or returns false when extrapolation may go ahead. `isLarge`
 * is the driver's notion: length above `small` (QAGS) or bisection level below levmax (QAGP).
 */
export function seekLarge(
  s: AdaptiveState,
  w: Workspace,
  last: number,
  limit: number,
  isLarge: (k: number) => boolean,
): boolean {
  const { iord, elist } = w;
  const jupbnd = last > 2 + Math.floor(limit / 2) ? limit + 3 - last : last;
  for (let k = s.nrmax; k < jupbnd; k++) {
    s.maxerr = iord[s.nrmax];
    s.errmax = elist[s.maxerr];
    if (isLarge(s.maxerr)) return true;
    s.nrmax++;
  }
  return false;
}

/**
 * QUADPACK's common ending after the loop: pick the extrapolated or the summed result, add the
 * roundoff correction, and flag divergence (ier 6, reported as 5 after the final shift).
 * `sumIntervals` is true when the loop ended because errsum met the tolerance; `L` is the last
 * slot filled and `defabs` the first pass's integral of |f|.
 */
export function finish(
  s: AdaptiveState,
  w: Workspace,
  result: number,
  abserr: number,
  correc: number,
  ksgn: number,
  defabs: number,
  sumIntervals: boolean,
  L: number,
  limit: number,
): { result: number; abserr: number; ier: number } {
  const { area, errsum, ierro } = s;
  let ier = s.ier;
  if (!sumIntervals) {
    let divergenceTest = true;
    if (abserr === OFLOW) {
      sumIntervals = true;
      divergenceTest = false;
    } else if (ier + ierro !== 0) {
      if (ierro === 3) abserr = abserr + correc;
      if (ier === 0) ier = 3;
      if (result !== 0 && area !== 0) {
        if (abserr / Math.abs(result) > errsum / Math.abs(area)) {
          sumIntervals = true;
          divergenceTest = false;
        }
      } else if (abserr > errsum) {
        sumIntervals = true;
        divergenceTest = false;
      } else if (area === 0) {
        divergenceTest = false;
      }
    }
    if (divergenceTest) {
      const ratio = result / area;
      const tiny = ksgn === -1 && fmax(Math.abs(result), Math.abs(area)) <= defabs * 0.01;
      if (!tiny && (0.01 > ratio || ratio > 100 || errsum > Math.abs(area))) ier = 6;
    }
  }
  if (sumIntervals) {
    // Sum the subinterval integrals afresh rather than trust the running area.
    result = 0;
    const end = Math.min(L, limit - 1);
    for (let k = 0; k <= end; k++) result = result + w.rlist[k];
    abserr = errsum;
  }
  if (ier > 2) ier--;
  return { result, abserr, ier };
}
