import { rangeError } from "@nabla/ndarray";
import { extrapolate, type FlatEstimate } from "./extrapolate.js";
import { convolveAt, fdRule, methodOrder, richardsonStep } from "./fdRule.js";
import type { ResolvedNdOptions } from "./ndOptions.js";
import { generateSteps } from "./steps.js";

/**
 * Differences for one step: `diffs(h)` returns the per-element finite differences (already
 * halved for central rules, as numdifftools does) for the per-element steps `h`.
 */
export type DifferenceFn = (h: Float64Array) => Float64Array;

/**
 * numdifftools' Derivative pipeline on flat element arrays: steps -> differences -> finite-difference
 * rule -> Richardson -> dea3 -> best estimate. `x` sets the nominal step per coordinate; `expand`
 * maps those steps to the elements of the difference output (a Jacobian has one per output and
 * coordinate). `applyRule: false` skips the finite-difference rule, for Hessians, whose
 * differences are already second-derivative estimates.
 */
export function ndPipeline(
  fn: string,
  x: Float64Array,
  opts: ResolvedNdOptions,
  n: number,
  diffs: DifferenceFn,
  expand: (h: Float64Array) => Float64Array = (h) => h,
  applyRule = true,
): FlatEstimate {
  const mOrder = methodOrder(opts.method, opts.order);
  const { steps, ratio } = generateSteps(x, opts.step, opts.stepOptions, opts.method, n, mOrder);
  if (steps.length === 0)
    throw rangeError(`${fn}: every generated step is zero; give a positive step.`);
  const results = steps.map((h) => diffs(h));
  const hs = steps.map(expand);
  const richardson = {
    ratio,
    step: richardsonStep(opts.method),
    order: mOrder,
    numTerms: opts.richardsonTerms,
  };
  if (!applyRule) return extrapolate(results, hs, richardson);
  const rule = fdRule(n, opts.method, opts.order, ratio);
  const nr = rule.length - 1;
  if (nr >= results.length) {
    throw rangeError(
      `${fn}: numSteps (${results.length}) must be larger than (${nr + 1}) n + order - 1 = ${n} + ${opts.order} - 1 (${opts.method}).`,
    );
  }
  const count = Math.max(results.length - nr, 1);
  const der: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const h = hs[i];
    const row = new Float64Array(h.length);
    for (let e = 0; e < h.length; e++) {
      const hn = n === 1 ? h[e] : n === 2 ? h[e] * h[e] : h[e] ** n;
      row[e] = convolveAt(results, rule, i, e) / hn;
    }
    der.push(row);
  }
  return extrapolate(der, hs.slice(0, count), richardson);
}

/** Richardson of a single exact value (n = 0): the value itself with a round-off error bar. */
export function zeroOrder(fx: Float64Array, opts: ResolvedNdOptions): FlatEstimate {
  const richardson = {
    ratio: 2,
    step: richardsonStep(opts.method),
    order: methodOrder(opts.method, opts.order),
    numTerms: 0,
  };
  return extrapolate([fx], [new Float64Array(fx.length)], richardson);
}
