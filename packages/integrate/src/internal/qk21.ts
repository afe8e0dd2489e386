import { EPMACH, fmax, fmin, pow15, UFLOW } from "./constants.js";
import type { Evaluator } from "./integrand.js";

// 21-point Kronrod abscissae on [-1, 1] (positive half, decreasing), with their weights; the odd
// positions 1, 3, 5, 7, 9 are the 10-point Gauss abscissae, whose Gauss weights are WG.
const XGK = [
  0.9956571630258081, 0.9739065285171717, 0.9301574913557082, 0.8650633666889845,
  0.7808177265864169, 0.6794095682990244, 0.5627571346686047, 0.4333953941292472,
  0.2943928627014602, 0.14887433898163122, 0,
];
const WGK = [
  0.011694638867371874, 0.032558162307964725, 0.054755896574351995, 0.07503967481091996,
  0.0931254545836976, 0.10938715880229764, 0.12349197626206584, 0.13470921731147334,
  0.14277593857706009, 0.14773910490133849, 0.1494455540029169,
];
const WG = [
  0.06667134430868814, 0.1494513491505806, 0.21908636251598204, 0.26926671930999635,
  0.29552422471475287,
];

/** Rule output slots: integral, error estimate, integral of |f|, integral of |f - mean|. */
export const RESULT = 0;
export const ABSERR = 1;
export const RESABS = 2;
export const RESASC = 3;

/** A Gauss-Kronrod rule on [a, b] writing (result, abserr, resabs, resasc) to `out`. */
export interface Rule {
  apply(a: number, b: number, out: Float64Array): void;
}

/**
 * QUADPACK's dqk21: the 10/21-point Gauss-Kronrod pair on [a, b]. `fv` is scratch (20 slots)
 * owned by one quad call, so nested integrals never share it. The evaluation and summation
 * order is QUADPACK's, so results agree with scipy bit for bit.
 */
export class GaussKronrod21 implements Rule {
  constructor(
    private readonly f: Evaluator,
    private readonly fv: Float64Array,
  ) {}

  apply(a: number, b: number, out: Float64Array): void {
    qk21(this.f, a, b, out, this.fv);
  }
}

function qk21(f: Evaluator, a: number, b: number, out: Float64Array, fv: Float64Array): void {
  const centr = 0.5 * (a + b);
  const hlgth = 0.5 * (b - a);
  const dhlgth = Math.abs(hlgth);
  const fc = f.at(centr);
  let resg = 0;
  let resk = WGK[10] * fc;
  let resabs = Math.abs(resk);
  // Gauss points first, then the Kronrod-only points, each as a (centr - x, centr + x) pair.
  for (let j = 0; j < 5; j++) {
    const jtw = 2 * j + 1;
    const absc = hlgth * XGK[jtw];
    const fval1 = f.at(centr - absc);
    const fval2 = f.at(centr + absc);
    fv[jtw] = fval1;
    fv[10 + jtw] = fval2;
    const fsum = fval1 + fval2;
    resg = resg + WG[j] * fsum;
    resk = resk + WGK[jtw] * fsum;
    resabs = resabs + WGK[jtw] * (Math.abs(fval1) + Math.abs(fval2));
  }
  for (let j = 0; j < 5; j++) {
    const jtwm1 = 2 * j;
    const absc = hlgth * XGK[jtwm1];
    const fval1 = f.at(centr - absc);
    const fval2 = f.at(centr + absc);
    fv[jtwm1] = fval1;
    fv[10 + jtwm1] = fval2;
    const fsum = fval1 + fval2;
    resk = resk + WGK[jtwm1] * fsum;
    resabs = resabs + WGK[jtwm1] * (Math.abs(fval1) + Math.abs(fval2));
  }
  const reskh = resk * 0.5;
  let resasc = WGK[10] * Math.abs(fc - reskh);
  for (let j = 0; j < 10; j++) {
    resasc = resasc + WGK[j] * (Math.abs(fv[j] - reskh) + Math.abs(fv[10 + j] - reskh));
  }
  resabs = resabs * dhlgth;
  resasc = resasc * dhlgth;
  storeRule(out, resk, resg, resabs, resasc, hlgth);
}

/**
 * The closing lines of every QUADPACK dqk rule: the error estimate from the Kronrod-Gauss
 * difference, scaled by resasc and floored at rounding level, and the four outputs into `out`.
 * `resabs` and `resasc` come already scaled by the half-length.
 */
export function storeRule(
  out: Float64Array,
  resk: number,
  resg: number,
  resabs: number,
  resasc: number,
  hlgth: number,
): void {
  let abserr = Math.abs((resk - resg) * hlgth);
  if (resasc !== 0 && abserr !== 0) abserr = resasc * fmin(1, pow15((200 * abserr) / resasc));
  if (resabs > UFLOW / (50 * EPMACH)) abserr = fmax(EPMACH * 50 * resabs, abserr);
  out[RESULT] = resk * hlgth;
  out[ABSERR] = abserr;
  out[RESABS] = resabs;
  out[RESASC] = resasc;
}
