import { adaptiveState, bisect, finish, seekLarge } from "./adaptive.js";
import { EPMACH, fmax, OFLOW } from "./constants.js";
import { ABSERR, RESABS, RESASC, RESULT, type Rule } from "./qk21.js";
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
  const errbnd = fmax(epsabs, epsrel * dres);
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
  const s = adaptiveState();
  s.errmax = abserr;
  s.area = result;
  s.errsum = abserr;
  s.errbnd = errbnd;
  abserr = OFLOW;
  let numrl2 = 1;
  let ktmin = 0;
  let noext = false;
  let small = 0;
  let erlarg = 0;
  let ertest = 0;
  let correc = 0;
  const sameSign = infinite
    ? dres > (1 - 50 * EPMACH) * defabs
    : dres >= (1 - 50 * EPMACH) * defabs;
  const ksgn = sameSign ? 1 : -1;
  let sumIntervals = false;
  // Made once per call; it reads the current `small`, which halves after each extrapolation.
  const isLarge = (k: number) => Math.abs(blist[k] - alist[k]) > small;

  let L = 1;
  for (; L < limit; L++) {
    last = L + 1;
    // Bisect the interval with the largest error estimate (shared with QAGP).
    const erlast = s.errmax;
    bisect(s, rule, w, L, limit, epsabs, epsrel);

    if (s.errsum <= s.errbnd) {
      sumIntervals = true;
      break;
    }
    if (s.ier !== 0) break;
    if (L === 1) {
      small = infinite ? 0.375 : Math.abs(b - a) * 0.375;
      erlarg = s.errsum;
      ertest = s.errbnd;
      rlist2[1] = s.area;
      continue;
    }
    if (noext) continue;
    erlarg = erlarg - erlast;
    if (Math.abs(s.b1 - s.a1) > small) erlarg = erlarg + s.error12;
    if (!s.extrap) {
      // Extrapolate only once the largest error sits on a small interval.
      if (isLarge(s.maxerr)) continue;
      s.extrap = true;
      s.nrmax = 1;
    }
    if (!(s.ierro === 3 || erlarg <= ertest)) {
      // Large intervals still carry too much error: bisect them before extrapolating.
      if (seekLarge(s, w, last, limit, isLarge)) continue;
    }
    // Extrapolate the sequence of areas.
    numrl2++;
    rlist2[numrl2] = s.area;
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
      if (abserr <= ertest) break;
    }
    if (numrl2 === 0) noext = true;
    if (s.ier === 5) break;
    // Restart bisection from the interval with the largest error, with a finer notion of small.
    s.maxerr = iord[0];
    s.errmax = elist[s.maxerr];
    s.nrmax = 0;
    s.extrap = false;
    small = small * 0.5;
    erlarg = s.errsum;
  }

  const end = finish(s, w, result, abserr, correc, ksgn, defabs, sumIntervals, L, limit);
  return { result: end.result, abserr: end.abserr, ier: end.ier, last, neval: 0 };
}
