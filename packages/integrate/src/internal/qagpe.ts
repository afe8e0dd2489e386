import { EPMACH, fmax, OFLOW, UFLOW } from "./constants.js";
import { ABSERR, RESABS, RESASC, RESULT, type Rule } from "./qk21.js";
import { qpsrt } from "./qpsrt.js";
import type { RawQuad, Workspace } from "./workspace.js";

/** QAGP's extra lists (scipy's infodict `pts` and `ndin`; `level` is in the workspace). */
export interface BreakLists {
  pts: Float64Array;
  ndin: Int32Array;
}

/**
 * QUADPACK's dqagpe (QAGP): like QAGS, but the interval is first cut at the user's break points
 * and "small" is measured by bisection level instead of length. `points` must be sorted, unique
 * and strictly inside (a, b) with a < b, and `limit > points.length` (the caller checks).
 */
export function qagpe(
  rule: Rule,
  a: number,
  b: number,
  points: readonly number[],
  epsabs: number,
  epsrel: number,
  limit: number,
  w: Workspace,
  lists: BreakLists,
): RawQuad {
  const { alist, blist, rlist, elist, iord, level, out } = w;
  const { pts, ndin } = lists;
  const npts = points.length;
  const npts2 = npts + 2;
  const nint = npts + 1;
  pts[0] = a;
  for (let i = 0; i < npts; i++) pts[i + 1] = points[i];
  pts[npts + 1] = b;

  // Integrate over each piece between break points.
  let result = 0;
  let abserr = 0;
  let resabs = 0;
  let a1 = pts[0];
  for (let i = 0; i < nint; i++) {
    const b1 = pts[i + 1];
    rule.apply(a1, b1, out);
    const area1 = out[RESULT];
    const error1 = out[ABSERR];
    const resa = out[RESASC];
    abserr = abserr + error1;
    result = result + area1;
    ndin[i] = error1 === resa && error1 !== 0 ? 1 : 0;
    resabs = resabs + out[RESABS];
    level[i] = 0;
    elist[i] = error1;
    alist[i] = a1;
    blist[i] = b1;
    rlist[i] = area1;
    iord[i] = i;
    a1 = b1;
  }
  // A piece whose error estimate is its whole |f - mean| integral gets the total error instead.
  let errsum = 0;
  for (let i = 0; i < nint; i++) {
    if (ndin[i] === 1) elist[i] = abserr;
    errsum = errsum + elist[i];
  }
  let last = nint;
  let neval = 21 * nint;
  const dres = Math.abs(result);
  let errbnd = fmax(epsabs, epsrel * dres);
  let ier = 0;
  if (abserr <= 100 * EPMACH * resabs && abserr > errbnd) ier = 2;
  if (nint !== 1) {
    // Order the pieces by decreasing error (a selection sort, as QUADPACK does it).
    let k = 0;
    for (let i = 0; i < npts; i++) {
      let ind1 = iord[i];
      for (let j = i + 1; j < nint; j++) {
        const ind2 = iord[j];
        if (elist[ind1] > elist[ind2]) continue;
        ind1 = ind2;
        k = j;
      }
      if (ind1 === iord[i]) continue;
      iord[k] = iord[i];
      iord[i] = ind1;
    }
    if (limit < npts2) ier = 1;
  }
  if (ier !== 0 || abserr <= errbnd) return { result, abserr, ier, last, neval };

  const eps = w.eps;
  const rlist2 = eps.table;
  rlist2[0] = result;
  let maxerr = iord[0];
  let errmax = elist[maxerr];
  let area = result;
  let nrmax = 0;
  let numrl2 = 0;
  let ktmin = 0;
  let extrap = false;
  let noext = false;
  let erlarg = errsum;
  let ertest = errbnd;
  let levmax = 1;
  let iroff1 = 0;
  let iroff2 = 0;
  let iroff3 = 0;
  let ierro = 0;
  let correc = 0;
  abserr = OFLOW;
  const ksgn = dres >= (1 - 50 * EPMACH) * resabs ? 1 : -1;
  const half = Math.floor(limit / 2);
  let sumIntervals = false;

  let L = npts2 - 1;
  for (; L < limit; L++) {
    last = L + 1;
    const levcur = level[maxerr] + 1;
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
    neval += 42;
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
    level[maxerr] = levcur;
    level[L] = levcur;
    rlist[maxerr] = area1;
    rlist[L] = area2;
    errbnd = fmax(epsabs, epsrel * Math.abs(area));
    if (iroff1 + iroff2 >= 10 || iroff3 >= 20) ier = 2;
    if (iroff2 >= 5) ierro = 3;
    if (last === limit) ier = 1;
    if (fmax(Math.abs(a1), Math.abs(b2)) <= (1 + 100 * EPMACH) * (Math.abs(a2) + 1000 * UFLOW)) {
      ier = 4;
    }
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
    if (noext) continue;
    erlarg = erlarg - erlast;
    if (levcur + 1 <= levmax) erlarg = erlarg + error12;
    if (!extrap) {
      if (level[maxerr] + 1 <= levmax) continue;
      extrap = true;
      nrmax = 1;
    }
    if (ierro !== 3 && !(erlarg <= ertest)) {
      const jupbnd = last > 2 + half ? limit + 3 - last : last;
      let bisectLarge = false;
      for (let k = nrmax; k < jupbnd; k++) {
        maxerr = iord[nrmax];
        errmax = elist[maxerr];
        if (level[maxerr] + 1 <= levmax) {
          bisectLarge = true;
          break;
        }
        nrmax++;
      }
      if (bisectLarge) continue;
    }
    numrl2++;
    rlist2[numrl2] = area;
    if (numrl2 > 1) {
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
        if (abserr < ertest) break;
      }
      if (numrl2 === 0) noext = true;
      if (ier >= 5) break;
    }
    maxerr = iord[0];
    errmax = elist[maxerr];
    nrmax = 0;
    extrap = false;
    levmax += 1;
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
      const tiny = ksgn === -1 && fmax(Math.abs(result), Math.abs(area)) <= resabs * 0.01;
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
  return { result, abserr, ier, last, neval };
}
