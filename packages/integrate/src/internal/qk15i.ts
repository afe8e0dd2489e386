import type { Evaluator } from "./integrand.js";
import { type Rule, storeRule } from "./qk21.js";

// 15-point Kronrod abscissae on [-1, 1] (positive half, decreasing) and weights; WG holds the
// 7-point Gauss weights at the matching positions (zero at the Kronrod-only points).
const XGK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945,
  0.5860872354676911, 0.4058451513773972, 0.20778495500789848, 0,
];
const WGK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592,
  0.1690047266392679, 0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
const WG = [
  0, 0.1294849661688697, 0, 0.27970539148927664, 0, 0.3818300505051189, 0, 0.4179591836734694,
];

/** dqk15i as a {@link Rule} on (0, 1] for one infinite range. */
export class GaussKronrod15Infinite implements Rule {
  constructor(
    private readonly f: Evaluator,
    private readonly boun: number,
    private readonly inf: number,
    private readonly fv: Float64Array,
  ) {}

  apply(a: number, b: number, out: Float64Array): void {
    qk15i(this.f, this.boun, this.inf, a, b, out, this.fv);
  }
}

/**
 * QUADPACK's dqk15i: the 7/15-point Gauss-Kronrod pair on [a, b] within (0, 1], applied to the
 * integrand transformed by x = boun + dinf (1 - t) / t. With inf = 2 both f(x) and f(-x) are
 * summed (the whole real line folded onto (0, 1]). `fv` is caller-owned scratch (14 slots).
 */
function qk15i(
  f: Evaluator,
  boun: number,
  inf: number,
  a: number,
  b: number,
  out: Float64Array,
  fv: Float64Array,
): void {
  const dinf = Math.min(inf, 1);
  const centr = 0.5 * (a + b);
  const hlgth = 0.5 * (b - a);
  const tabsc = boun + (dinf * (1 - centr)) / centr;
  let fval = f.at(tabsc);
  if (inf === 2) fval = fval + f.at(-tabsc);
  const fc = fval / centr / centr;
  let resg = fc * WG[7];
  let resk = fc * WGK[7];
  let resabs = Math.abs(resk);
  for (let j = 0; j < 7; j++) {
    const absc = hlgth * XGK[j];
    const absc1 = centr - absc;
    const absc2 = centr + absc;
    const tabsc1 = boun + (dinf * (1 - absc1)) / absc1;
    const tabsc2 = boun + (dinf * (1 - absc2)) / absc2;
    let fval1 = f.at(tabsc1);
    let fval2 = f.at(tabsc2);
    if (inf === 2) {
      fval1 = fval1 + f.at(-tabsc1);
      fval2 = fval2 + f.at(-tabsc2);
    }
    fval1 = fval1 / absc1 / absc1;
    fval2 = fval2 / absc2 / absc2;
    fv[j] = fval1;
    fv[7 + j] = fval2;
    const fsum = fval1 + fval2;
    resg = resg + WG[j] * fsum;
    resk = resk + WGK[j] * fsum;
    resabs = resabs + WGK[j] * (Math.abs(fval1) + Math.abs(fval2));
  }
  const reskh = resk * 0.5;
  let resasc = WGK[7] * Math.abs(fc - reskh);
  for (let j = 0; j < 7; j++) {
    resasc = resasc + WGK[j] * (Math.abs(fv[j] - reskh) + Math.abs(fv[7 + j] - reskh));
  }
  resabs = resabs * hlgth;
  resasc = resasc * hlgth;
  storeRule(out, resk, resg, resabs, resasc, hlgth);
}
