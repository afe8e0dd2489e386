// MINPACK-2 DCSRCH (Moré & Thuente 1994): a line search for a step satisfying the strong Wolfe
// conditions, as scipy's _dcsrch.py transcribes it. The arithmetic follows the reference order so
// iterates (and evaluation counts) agree with scipy.

function pymax3(a: number, b: number, c: number): number {
  let m = a;
  if (b > m) m = b;
  if (c > m) m = c;
  return m;
}

function clip(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

interface StepState {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  stp: number;
  brackt: boolean;
}

/** One safeguarded cubic/quadratic step (MINPACK-2 DCSTEP); updates the interval in `s`. */
export function dcstep(s: StepState, fp: number, dp: number, stpmin: number, stpmax: number): void {
  const { stx, fx, dx, sty, fy, dy, stp } = s;
  const sgnd = Math.sign(dp) * Math.sign(dx);
  let stpf: number;
  if (fp > fx) {
    const theta = (3.0 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = pymax3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = sc * Math.sqrt((theta / sc) ** 2 - (dx / sc) * (dp / sc));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const r = p / q;
    const stpc = stx + r * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2.0) * (stp - stx);
    if (Math.abs(stpc - stx) <= Math.abs(stpq - stx)) stpf = stpc;
    else stpf = stpc + (stpq - stpc) / 2.0;
    s.brackt = true;
  } else if (sgnd < 0.0) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = pymax3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = sc * Math.sqrt((theta / sc) ** 2 - (dx / sc) * (dp / sc));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const r = p / q;
    const stpc = stp + r * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    s.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = pymax3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    const rad = (theta / sc) ** 2 - (dx / sc) * (dp / sc);
    // Python's max(0, NaN) is 0 where Math.max gives NaN
    let gamma = sc * Math.sqrt(Number.isNaN(rad) ? 0 : Math.max(rad, 0));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (s.brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      if (stp > stx) stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
      else stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = clip(stpf, stpmin, stpmax);
    }
  } else if (s.brackt) {
    const theta = (3.0 * (fp - fy)) / (sty - stp) + dy + dp;
    const sc = pymax3(Math.abs(theta), Math.abs(dy), Math.abs(dp));
    let gamma = sc * Math.sqrt((theta / sc) ** 2 - (dy / sc) * (dp / sc));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    const r = p / q;
    stpf = stp + r * (sty - stp);
  } else if (stp > stx) {
    stpf = stpmax;
  } else {
    stpf = stpmin;
  }
  if (fp > fx) {
    s.sty = stp;
    s.fy = fp;
    s.dy = dp;
  } else {
    if (sgnd < 0) {
      s.sty = stx;
      s.fy = fx;
      s.dy = dx;
    }
    s.stx = stp;
    s.fx = fp;
    s.dx = dp;
  }
  s.stp = stpf;
}

export interface DcsrchResult {
  stp: number | null;
  phi1: number;
  phi0: number;
}

/**
 * Runs the search from trial step `alpha1`. Returns stp null on failure (scipy's WARNING/ERROR
 * tasks or 100 iterations without convergence).
 */
export function dcsrch(
  phi: (s: number) => number,
  derphi: (s: number) => number,
  ftol: number,
  gtol: number,
  xtol: number,
  stpmin: number,
  stpmax: number,
  alpha1: number,
  phi0: number,
  derphi0: number,
  maxiter = 100,
  acceptWarnings = false,
): DcsrchResult {
  let stp = alpha1;
  let f = phi0;
  let g = derphi0;
  // START
  if (
    stp < stpmin ||
    stp > stpmax ||
    g >= 0 ||
    ftol < 0 ||
    gtol < 0 ||
    xtol < 0 ||
    stpmin < 0 ||
    stpmax < stpmin
  ) {
    return { stp: null, phi1: f, phi0 };
  }
  const finit = f;
  const ginit = g;
  const gtest = ftol * ginit;
  let width = stpmax - stpmin;
  let width1 = width / 0.5;
  let stage = 1;
  const s: StepState = {
    stx: 0,
    fx: finit,
    dx: ginit,
    sty: 0,
    fy: finit,
    dy: ginit,
    stp,
    brackt: false,
  };
  let stmin = 0;
  let stmax = stp + 4.0 * stp;
  for (let i = 0; i < maxiter; i++) {
    // scipy spends the first of its maxiter passes on START, so the last evaluation goes unchecked
    if (!Number.isFinite(stp)) return { stp: null, phi1: f, phi0 };
    f = phi(stp);
    g = derphi(stp);
    if (i === maxiter - 1) break;
    const ftest = finit + stp * gtest;
    if (stage === 1 && f <= ftest && g >= 0) stage = 2;
    let warn = false;
    if (s.brackt && (stp <= stmin || stp >= stmax)) warn = true;
    if (s.brackt && stmax - stmin <= xtol * stmax) warn = true;
    if (stp === stpmax && f <= ftest && g <= gtest) warn = true;
    if (stp === stpmin && (f > ftest || g >= gtest)) warn = true;
    if (f <= ftest && Math.abs(g) <= gtol * -ginit) return { stp, phi1: f, phi0 };
    // L-BFGS-B takes the last trial point on a warning; scipy's wolfe1 treats it as failure
    if (warn) return { stp: acceptWarnings ? stp : null, phi1: f, phi0 };
    s.stp = stp;
    if (stage === 1 && f <= s.fx && f > ftest) {
      const fm = f - stp * gtest;
      const fxm = s.fx - s.stx * gtest;
      const fym = s.fy - s.sty * gtest;
      const gm = g - gtest;
      const gxm = s.dx - gtest;
      const gym = s.dy - gtest;
      const m: StepState = {
        stx: s.stx,
        fx: fxm,
        dx: gxm,
        sty: s.sty,
        fy: fym,
        dy: gym,
        stp,
        brackt: s.brackt,
      };
      dcstep(m, fm, gm, stmin, stmax);
      s.stx = m.stx;
      s.sty = m.sty;
      s.stp = m.stp;
      s.brackt = m.brackt;
      s.fx = m.fx + m.stx * gtest;
      s.fy = m.fy + m.sty * gtest;
      s.dx = m.dx + gtest;
      s.dy = m.dy + gtest;
    } else {
      dcstep(s, f, g, stmin, stmax);
    }
    stp = s.stp;
    if (s.brackt) {
      if (Math.abs(s.sty - s.stx) >= 0.66 * width1) stp = s.stx + 0.5 * (s.sty - s.stx);
      width1 = width;
      width = Math.abs(s.sty - s.stx);
      stmin = Math.min(s.stx, s.sty);
      stmax = Math.max(s.stx, s.sty);
    } else {
      stmin = stp + 1.1 * (stp - s.stx);
      stmax = stp + 4.0 * (stp - s.stx);
    }
    // L-BFGS-B's C dcsrch clips with fmax/fmin, which send a NaN step to stpmin
    stp = acceptWarnings && Number.isNaN(stp) ? stpmin : clip(stp, stpmin, stpmax);
    if ((s.brackt && (stp <= stmin || stp >= stmax)) || (s.brackt && stmax - stmin <= xtol * stmax))
      stp = s.stx;
  }
  return { stp: null, phi1: f, phi0 };
}
