import { EPMACH, fmax, OFLOW, UFLOW } from "./constants.js";
import { ABSERR, RESABS, RESASC, RESULT, type Rule } from "./qk21.js";
import { qpsrt } from "./qpsrt.js";
import type { RawQuad, Workspace } from "./workspace.js";

/**
 * The globally adaptive bisection with Wynn-epsilon extrapolation shared by QUADPACK's dqagse
 * (QAGS) and dqagie (QAGI), step for step, so that results, error estimates and the number of
 * subintervals agree with scipy's. `infinite` selects dqagie's two differences (after the map
 * to (0, 1]): the first "small" length is 0.375 instead of 0.375 (b - a), and the sign test uses
 * `>` instead of `>=`. Returns `neval` as 0: the caller knows its rule's size.
 */
export function qagse(
  rule: Rule,
  a: number,
  b: number,
  epsabs: number,
  epsrel: number,
  limit: number,
  w: Workspace,
  infinite: boolean,
): RawQuad {
  const { alist, blist, rlist, elist, iord } = w;
  const out = w.out;
  alist[0] = a;
  blist[0] = b;
  rlist[0] = 0;
  elist[0] = 0;
  iord[0] = 0;

  // First approximation to the integral.
  rule.apply(a, b, out);
  let result = out[RESULT];
  let abserr = out[ABSERR];
  const defabs = out[RESABS];
  const resasc = out[RESASC];
  const dres = Math.abs(result);
  let errbnd = fmax(epsabs, epsrel * dres);
  let last = 1;
  rlist[0] = result;
  elist[0] = abserr;
  iord[0] = 0;
  let ier = 0;
  if (abserr <= 100 * EPMACH * defabs && abserr > errbnd) ier = 2;
  if (limit === 1) ier = 1;
  if (ier !== 0 || (abserr <= errbnd && abserr !== resasc) || abserr === 0) {
    return { result, abserr, ier, last, neval: 0 };
  }

  const eps = w.eps;
  const rlist2 = eps.table;
  rlist2[0] = result;
  let errmax = abserr;
  let maxerr = 0;
  let area = result;
  let errsum = abserr;
  abserr = OFLOW;
  let nrmax = 0;
  let numrl2 = 1;
  let ktmin = 0;
  let extrap = false;
  let noext = false;
  let iroff1 = 0;
  let iroff2 = 0;
  let iroff3 = 0;
  let ierro = 0;
  let small = 0;
  let erlarg = 0;
  let ertest = 0;
  let correc = 0;
  const sameSign = infinite
    ? dres > (1 - 50 * EPMACH) * defabs
    : dres >= (1 - 50 * EPMACH) * defabs;
  const ksgn = sameSign ? 1 : -1;
  const half = Math.floor(limit / 2);
  let sumIntervals = false;

  let L = 1;
  for (; L < limit; L++) {
    last = L + 1;
    // Bisect the interval with the largest error estimate.
    const a1 = alist[maxerr];
    const b1 = 0.5 * (alist[maxerr] + blist[maxerr]);
    const a2 = b1;
    const b2 = blist[maxerr];
    const erlast = errmax;
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
    errsum = errsum + error12 - errmax;
    area = area + area12 - rlist[maxerr];
    if (defab1 !== error1 && defab2 !== error2) {
      if (
        !(Math.abs(rlist[maxerr] - area12) > 1e-5 * Math.abs(area12) || error12 < 0.99 * errmax)
      ) {
        if (extrap) iroff2++;
        else iroff1++;
      }
      if (L > 9 && error12 > errmax) iroff3++;
    }
    rlist[maxerr] = area1;
    rlist[L] = area2;
    errbnd = fmax(epsabs, epsrel * Math.abs(area));
    if (iroff1 + iroff2 >= 10 || iroff3 >= 20) ier = 2;
    if (iroff2 >= 5) ierro = 3;
    if (last === limit) ier = 1;
    // The interval is too small to be bisected again.
    if (fmax(Math.abs(a1), Math.abs(b2)) <= (1 + 100 * EPMACH) * (Math.abs(a2) + 1000 * UFLOW)) {
      ier = 4;
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
    nrmax = qpsrt(limit, last, maxerr, nrmax, elist, iord);
    maxerr = iord[nrmax];
    errmax = elist[maxerr];

    if (errsum <= errbnd) {
      sumIntervals = true;
      break;
    }
    if (ier !== 0) break;
    if (L === 1) {
      small = infinite ? 0.375 : Math.abs(b - a) * 0.375;
      erlarg = errsum;
      ertest = errbnd;
      rlist2[1] = area;
      continue;
    }
    if (noext) continue;
    erlarg = erlarg - erlast;
    if (Math.abs(b1 - a1) > small) erlarg = erlarg + error12;
    if (!extrap) {
      // Extrapolate only once the largest error sits on a small interval.
      if (Math.abs(blist[maxerr] - alist[maxerr]) > small) continue;
      extrap = true;
      nrmax = 1;
    }
    if (!(ierro === 3 || erlarg <= ertest)) {
      // Large intervals still carry too much error: bisect them before extrapolating.
      const jupbnd = last > 2 + half ? limit + 3 - last : last;
      let bisectLarge = false;
      for (let k = nrmax; k < jupbnd; k++) {
        maxerr = iord[nrmax];
        errmax = elist[maxerr];
        if (Math.abs(blist[maxerr] - alist[maxerr]) > small) {
          bisectLarge = true;
          break;
        }
        nrmax++;
      }
      if (bisectLarge) continue;
    }
    // Extrapolate the sequence of areas.
    numrl2++;
    rlist2[numrl2] = area;
    numrl2 = eps.extrapolate(numrl2);
    const reseps = eps.result;
    const abseps = eps.abserr;
    ktmin++;
    if (ktmin > 5 && abserr < 1e-3 * errsum) ier = 5;
    if (!(abseps >= abserr)) {
      ktmin = 0;
      abserr = abseps;
      result = reseps;
      correc = erlarg;
      ertest = fmax(epsabs, epsrel * Math.abs(reseps));
      if (abserr <= ertest) break;
    }
    if (numrl2 === 0) noext = true;
    if (ier === 5) break;
    // Restart bisection from the interval with the largest error, with a finer notion of small.
    maxerr = iord[0];
    errmax = elist[maxerr];
    nrmax = 0;
    extrap = false;
    small = small * 0.5;
    erlarg = errsum;
  }

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
    result = 0;
    const end = Math.min(L, limit - 1);
    for (let k = 0; k <= end; k++) result = result + rlist[k];
    abserr = errsum;
  }
  if (ier > 2) ier--;
  return { result, abserr, ier, last, neval: 0 };
}
