import { convolveAt, richardsonRule } from "./fdRule.js";

const EPS = 2.220446049250313e-16;
const TINY = 2.2250738585072014e-308;

/** Per-element best estimate, as numdifftools' EstimateResult (flat arrays). */
export interface FlatEstimate {
  value: Float64Array;
  error: Float64Array;
  finalStep: Float64Array;
  index: Int32Array;
}

export interface RichardsonParams {
  ratio: number;
  step: number;
  order: number;
  numTerms: number;
}

/**
 * numdifftools' `_Limit._extrapolate`: Richardson extrapolation of the estimate sequence, then
 * Wynn's epsilon (dea3) over consecutive triples when more than two values remain, then the
 * candidate with the smallest outlier-penalised error per element.
 */
export function extrapolate(
  seq: Float64Array[],
  steps: Float64Array[],
  params: RichardsonParams,
): FlatEstimate {
  const size = seq[0].length;
  const numSteps = seq.length;
  const rule = richardsonRule(
    params.ratio,
    params.step,
    params.order,
    Math.min(params.numTerms, numSteps - 1),
  );
  const nr = rule.length - 1;
  const m = numSteps - nr;
  const k = Math.min(numSteps, m + 1);
  const next: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    const row = new Float64Array(size);
    for (let e = 0; e < size; e++) row[e] = convolveAt(seq, rule, i, e);
    next.push(row);
  }
  let sumSq = 0;
  for (const r of rule) sumSq += r * r;
  const fact = Math.max(12.7062047361747 * Math.sqrt(sumSq), EPS * 10);
  let values = next.slice(0, m);
  let errors: Float64Array[] = [];
  if (numSteps < 2) {
    const row = new Float64Array(size);
    for (let e = 0; e < size; e++) row[e] = (Math.abs(next[0][e]) * EPS + steps[0][e]) * fact;
    errors.push(row);
  } else {
    for (let i = 0; i < m; i++) {
      const row = new Float64Array(size).fill(Number.NaN);
      if (i < k - 1) {
        for (let e = 0; e < size; e++) {
          const a = next[i][e];
          const b = next[i + 1][e];
          const err = Math.abs(b - a) * fact;
          const tol = Math.max(Math.abs(b), Math.abs(a)) * EPS * fact;
          row[e] =
            err + (err <= tol ? tol * 10 : Math.abs(a - seq[numSteps - k + 1 + i][e]) * fact);
        }
      }
      errors.push(row);
    }
  }
  let kept = steps.slice(0, m);
  if (values.length > 2) {
    const v: Float64Array[] = [];
    const er: Float64Array[] = [];
    for (let i = 0; i + 2 < values.length; i++) {
      const row = new Float64Array(size);
      const erow = new Float64Array(size);
      for (let e = 0; e < size; e++)
        dea3(values[i][e], values[i + 1][e], values[i + 2][e], row, erow, e);
      v.push(row);
      er.push(erow);
    }
    values = v;
    errors = er;
    kept = kept.slice(2);
  }
  return bestEstimate(values, errors, kept);
}

/** Shanks transformation of three consecutive values (numdifftools' vectorised dea3). */
function dea3(
  e0: number,
  e1: number,
  e2: number,
  out: Float64Array,
  err: Float64Array,
  at: number,
): void {
  let delta2 = e2 - e1;
  let delta1 = e1 - e0;
  const err2 = Math.abs(delta2);
  const err1 = Math.abs(delta1);
  const tol2 = Math.max(Math.abs(e2), Math.abs(e1)) * EPS;
  const tol1 = Math.max(Math.abs(e1), Math.abs(e0)) * EPS;
  if (err1 < TINY) delta1 = TINY;
  if (err2 < TINY) delta2 = TINY;
  const ss = 1 / delta2 - 1 / delta1;
  const converged = err1 <= tol1 || err2 <= tol2 || Math.abs(ss * e1) <= 1e-4;
  const result = converged ? e2 : e1 + 1 / ss;
  out[at] = result;
  err[at] = err1 + err2 + (converged ? tol2 * 10 : Math.abs(result - e2));
}

/** numpy's default ('linear') percentile of sorted finite-or-infinite values. */
function percentile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const virtual = n * q - q;
  const lo = Math.max(0, Math.min(n - 1, Math.floor(virtual)));
  const hi = Math.min(n - 1, lo + 1);
  const gamma = virtual - Math.floor(virtual);
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/**
 * Penalises candidates far from the median (a factor 10 either way, or outside the 1.5 IQR fences)
 * by their distance to it, then takes the smallest error; ties go to the middle tied index.
 */
function bestEstimate(
  values: Float64Array[],
  errors: Float64Array[],
  steps: Float64Array[],
): FlatEstimate {
  const size = values[0].length;
  const count = values.length;
  const out: FlatEstimate = {
    value: new Float64Array(size),
    error: new Float64Array(size),
    finalStep: new Float64Array(size),
    index: new Int32Array(size),
  };
  const total = new Float64Array(count);
  const scratch = new Float64Array(count);
  for (let e = 0; e < size; e++) {
    let m = 0;
    for (let i = 0; i < count; i++) if (!Number.isNaN(values[i][e])) scratch[m++] = values[i][e];
    const finite = scratch.subarray(0, m).sort();
    const p25 = percentile(finite, 0.25);
    const median = percentile(finite, 0.5);
    const p75 = percentile(finite, 0.75);
    const iqr = Math.abs(p75 - p25);
    const aMedian = Math.abs(median);
    let best = Number.POSITIVE_INFINITY;
    let seen = false;
    for (let i = 0; i < count; i++) {
      const d = values[i][e];
      const wild = (Math.abs(d) < aMedian / 10 || Math.abs(d) > aMedian * 10) && aMedian > 1e-8;
      const fenced = d < p25 - 1.5 * iqr || p75 + 1.5 * iqr < d;
      total[i] = errors[i][e] + (wild || fenced ? 1 : 0) * Math.abs(d - median);
      if (!Number.isNaN(total[i]) && (!seen || total[i] < best)) {
        best = total[i];
        seen = true;
      }
    }
    let pick = 0;
    if (seen) {
      const ties: number[] = [];
      for (let i = 0; i < count; i++) if (total[i] === best) ties.push(i);
      pick = ties[Math.floor(ties.length / 2)];
    }
    out.value[e] = values[pick][e];
    out.error[e] = total[pick];
    out.finalStep[e] = steps[pick][e];
    out.index[e] = pick;
  }
  return out;
}
