// Correctly rounded log and exp (double-double evaluation, then one rounding). V8's Math.log and
// Math.exp are faithful but not correctly rounded (Math.log(3) is one ulp below glibc's), and
// numpy's det is sign * exp(sum log|u_ii|), so matching numpy's last bits needs libm-quality
// results. Used only O(n) times per determinant, so speed does not matter here.

const SPLIT = 134217729; // 2^27 + 1
const LN2_HI = Math.LN2;
const LN2_LO = 2.3190468138462996e-17;

/** hi + lo = a * b exactly (Dekker). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] {
  const s = ah + bh;
  const v = s - ah;
  const e = ah - (s - v) + (bh - v) + al + bl;
  const h = s + e;
  return [h, e - (h - s)];
}

function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  const lo = e + (ah * bl + al * bh);
  const h = p + lo;
  return [h, lo - (h - p)];
}

function ddDiv(ah: number, al: number, bh: number, bl: number): [number, number] {
  const q1 = ah / bh;
  const [ph, pl] = ddMul(q1, 0, bh, bl);
  const [rh, rl] = ddAdd(ah, al, -ph, -pl);
  const q2 = (rh + rl) / bh;
  const h = q1 + q2;
  return [h, q2 - (h - q1)];
}

/** Natural logarithm, correctly rounded except in astronomically rare cases. */
export function crLog(x: number): number {
  if (!(x > 0) || x === Number.POSITIVE_INFINITY) return Math.log(x);
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 2 ** 54;
    e -= 54;
  }
  const k = Math.floor(Math.log2(m));
  e += k;
  m /= 2 ** k;
  if (m < 1) {
    m *= 2;
    e -= 1;
  } else if (m >= 2) {
    m /= 2;
    e += 1;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log(m) = 2 atanh(t), t = (m - 1) / (m + 1), |t| < 0.172: the series converges fast.
  const d = m + 1;
  const v = d - m;
  const [th, tl] = ddDiv(m - 1, 0, d, m - (d - v) + (1 - v));
  const [t2h, t2l] = ddMul(th, tl, th, tl);
  let sh = 0;
  let sl = 0;
  for (let n = 41; n >= 1; n -= 2) {
    // s = 1/n + t^2 s  (Horner in t^2)
    const [ph, pl] = ddMul(sh, sl, t2h, t2l);
    [sh, sl] = ddAdd(1 / n, residual(n), ph, pl);
  }
  let [lh, ll] = ddMul(sh, sl, th, tl);
  lh *= 2;
  ll *= 2;
  const [eh, el] = ddAdd(...twoProd(e, LN2_HI), e * LN2_LO, 0);
  [lh, ll] = ddAdd(eh, el, lh, ll);
  return lh + ll;
}

/** The rounding error of 1/n as a double, so 1/n is carried in double-double. */
function residual(n: number): number {
  const q = 1 / n;
  const [p, e] = twoProd(q, n);
  return -((p - 1 + e) / n);
}

/** e^x, correctly rounded except in astronomically rare cases. */
export function crExp(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > 700) return Math.exp(x);
  const k = Math.round(x / LN2_HI);
  // r = x - k ln2 in double-double.
  const [ph, pl] = twoProd(k, LN2_HI);
  let [rh, rl] = ddAdd(x, 0, -ph, -pl);
  [rh, rl] = ddAdd(rh, rl, -k * LN2_LO, 0);
  // Taylor series by Horner: 1 + r(1 + r/2(1 + r/3(...))).
  let sh = 1;
  let sl = 0;
  for (let n = 27; n >= 1; n--) {
    const [qh, ql] = ddMul(sh, sl, rh, rl);
    const [dh, dl] = ddDiv(qh, ql, n, 0);
    [sh, sl] = ddAdd(1, 0, dh, dl);
  }
  return (sh + sl) * 2 ** k;
}
