/**
 * QUADPACK's dqpsrt: keeps `iord` (indices into `elist`) in decreasing order of error after an
 * interval was bisected. `maxerr` is the interval just split (its error may have dropped) and
 * element `last - 1` the new one. Only the first `last` positions are kept ordered, or
 * `limit + 3 - last` of them once more than half the subdivision budget is used (the intervals
 * beyond could never be split again). Returns the updated `nrmax`; the next interval to bisect
 * is `iord[nrmax]`. All indices are 0-based.
 */
export function qpsrt(
  limit: number,
  last: number,
  maxerr: number,
  nrmax: number,
  elist: Float64Array,
  iord: Int32Array,
): number {
  if (last <= 2) {
    iord[0] = 0;
    iord[1] = 1;
    return nrmax;
  }
  // The error of the split interval may now be larger than that of intervals ranked above it
  // (after extrapolation skipped some), so move it up first.
  const errmax = elist[maxerr];
  while (nrmax > 0 && errmax > elist[iord[nrmax - 1]]) {
    iord[nrmax] = iord[nrmax - 1];
    nrmax--;
  }
  const jupbn = last > Math.floor(limit / 2) + 2 ? limit - last + 2 : last - 1;
  const errmin = elist[last - 1];
  const jbnd = jupbn - 1;
  let i = nrmax + 1;
  for (; i <= jbnd; i++) {
    if (errmax >= elist[iord[i]]) break;
    iord[i - 1] = iord[i];
  }
  if (i > jbnd) {
    iord[jbnd] = maxerr;
    iord[jupbn] = last - 1;
    return nrmax;
  }
  // Insert maxerr at i - 1, then the new interval from the bottom up.
  iord[i - 1] = maxerr;
  let k = jbnd;
  for (let j = i; j <= jbnd; j++) {
    if (errmin < elist[iord[k]]) {
      iord[k + 1] = last - 1;
      return nrmax;
    }
    iord[k + 1] = iord[k];
    k--;
  }
  iord[i] = last - 1;
  return nrmax;
}
