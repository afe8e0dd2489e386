import { EPMACH, fmax, OFLOW } from "./constants.js";

const LIMEXP = 49; // highest table index; the two slots above hold the lower diagonals

/**
 * Wynn's epsilon algorithm as QUADPACK's dqelg runs it: `table[0..n]` holds the successive
 * partial sums (here, the adaptive integral after each refinement level); `extrapolate(n)`
 * adds the new diagonal in place, sets `result` to the best extrapolated limit and `abserr` to
 * its error estimate, and returns the (possibly truncated) index of the last element.
 */
export class Epsilon {
  readonly table = new Float64Array(LIMEXP + 3);
  /** The last three extrapolated results; the error estimate compares against them. */
  private readonly last3 = new Float64Array(3);
  /** Number of calls so far. */
  private calls = 0;
  result = 0;
  abserr = 0;

  /** Forgets earlier calls (the workspace is reused by the next integral). */
  reset(): void {
    this.calls = 0;
    this.result = 0;
    this.abserr = 0;
  }

  extrapolate(n: number): number {
    const epstab = this.table;
    const start = n;
    this.calls++;
    this.abserr = OFLOW;
    this.result = epstab[n];
    if (n < 2) {
      this.abserr = fmax(this.abserr, 5 * EPMACH * Math.abs(this.result));
      return n;
    }
    epstab[n + 2] = epstab[n];
    const newelm = n >> 1;
    epstab[n] = OFLOW;
    let k1 = n;
    for (let i = 0; i < newelm; i++) {
      const k2 = k1 - 1;
      const k3 = k1 - 2;
      let res = epstab[k1 + 2];
      const e0 = epstab[k3];
      const e1 = epstab[k2];
      const e2 = res;
      const e1abs = Math.abs(e1);
      const delta2 = e2 - e1;
      const err2 = Math.abs(delta2);
      const tol2 = fmax(Math.abs(e2), e1abs) * EPMACH;
      const delta3 = e1 - e0;
      const err3 = Math.abs(delta3);
      const tol3 = fmax(e1abs, Math.abs(e0)) * EPMACH;
      if (!(err2 > tol2 || err3 > tol3)) {
        // e0, e1 and e2 agree to machine accuracy: converged.
        this.result = res;
        this.abserr = fmax(err2 + err3, 5 * EPMACH * Math.abs(res));
        return n;
      }
      const e3 = epstab[k1];
      epstab[k1] = e1;
      const delta1 = e1 - e3;
      const err1 = Math.abs(delta1);
      const tol1 = fmax(e1abs, Math.abs(e3)) * EPMACH;
      // Two elements very close: the table is irregular from here on, drop the rest.
      if (err1 <= tol1 || err2 <= tol2 || err3 <= tol3) {
        n = i + i;
        break;
      }
      const ss = 1 / delta1 + 1 / delta2 - 1 / delta3;
      const epsinf = Math.abs(ss * e1);
      if (!(epsinf > 1e-4)) {
        n = i + i;
        break;
      }
      res = e1 + 1 / ss;
      epstab[k1] = res;
      k1 -= 2;
      const error = err2 + Math.abs(res - e2) + err3;
      if (!(error > this.abserr)) {
        this.abserr = error;
        this.result = res;
      }
    }
    if (n === LIMEXP) n = 2 * (LIMEXP >> 1);
    const rem = start % 2;
    for (let i = 0; i <= newelm; i++) epstab[2 * i + rem] = epstab[2 * i + 2 + rem];
    if (n !== start) {
      let indx = start - n;
      for (let i = 0; i <= n; i++) epstab[i] = epstab[indx++];
    }
    const r3 = this.last3;
    if (this.calls < 4) {
      r3[this.calls - 1] = this.result;
      this.abserr = OFLOW;
    } else {
      const r = this.result;
      this.abserr = Math.abs(r - r3[2]) + Math.abs(r - r3[1]) + Math.abs(r - r3[0]);
      r3[0] = r3[1];
      r3[1] = r3[2];
      r3[2] = r;
    }
    this.abserr = fmax(this.abserr, 5 * EPMACH * Math.abs(this.result));
    return n;
  }
}
