import { adaptiveState, bisect, finish, seekLarge } from "./adaptive.js";
import { EPMACH, fmax, OFLOW } from "./constants.js";
import { ABSERR, RESABS, RESASC, RESULT, type Rule } from "./qk21.js";
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
  const errbnd = fmax(epsabs, epsrel * dres);
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
  const s = adaptiveState();
  s.maxerr = iord[0];
  s.errmax = elist[s.maxerr];
  s.area = result;
  s.errsum = errsum;
  s.errbnd = errbnd;
  let numrl2 = 0;
  let ktmin = 0;
  let noext = false;
  let erlarg = errsum;
  let ertest = errbnd;
  let levmax = 1;
  let correc = 0;
  abserr = OFLOW;
  const ksgn = dres >= (1 - 50 * EPMACH) * resabs ? 1 : -1;
  let sumIntervals = false;
  // Made once per call; it reads the current `levmax`, which grows after each extrapolation.
  const isLarge = (k: number) => level[k] + 1 <= levmax;

  let L = npts2 - 1;
  for (; L < limit; L++) {
    last = L + 1;
    // Both halves inherit the bisected interval's level plus one; "small" means level > levmax.
    const levcur = level[s.maxerr] + 1;
    level[s.maxerr] = levcur;
    level[L] = levcur;
    const erlast = s.errmax;
    bisect(s, rule, w, L, limit, epsabs, epsrel);
    neval += 42;

    if (s.errsum <= s.errbnd) {
      sumIntervals = true;
      break;
    }
    if (s.ier !== 0) break;
    if (noext) continue;
    erlarg = erlarg - erlast;
    if (levcur + 1 <= levmax) erlarg = erlarg + s.error12;
    if (!s.extrap) {
      if (isLarge(s.maxerr)) continue;
      s.extrap = true;
      s.nrmax = 1;
    }
    if (s.ierro !== 3 && !(erlarg <= ertest)) {
      if (seekLarge(s, w, last, limit, isLarge)) continue;
    }
    numrl2++;
    rlist2[numrl2] = s.area;
    if (numrl2 > 1) {
      numrl2 = eps.extrapolate(numrl2);
      const reseps = eps.result;
      const abseps = eps.abserr;
      ktmin++;
      if (ktmin > 5 && abserr < 1e-3 * s.errsum) s.ier = 5;
      if (!(abseps >= abserr)) {
        ktmin = 0;
        abserr = abseps;
        result = reseps;
        correc = erlarg;
        ertest = fmax(epsabs, epsrel * Math.abs(reseps));
        if (abserr < ertest) break;
      }
      if (numrl2 === 0) noext = true;
      if (s.ier >= 5) break;
    }
    s.maxerr = iord[0];
    s.errmax = elist[s.maxerr];
    s.nrmax = 0;
    s.extrap = false;
    levmax += 1;
    erlarg = s.errsum;
  }

  const end = finish(s, w, result, abserr, correc, ksgn, resabs, sumIntervals, L, limit);
  return { result: end.result, abserr: end.abserr, ier: end.ier, last, neval };
}
