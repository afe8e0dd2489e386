import { powInt } from "./exactSolve.js";
import type { Method } from "./fdRule.js";

/** numdifftools' step-generator options (`**step_options`), camelCased. */
export interface StepOptions {
  /** Largest step (MaxStepGenerator, default 2) or smallest step (a fixed `step`). */
  baseStep?: number;
  /** Ratio between successive steps; default 2 for n = 1, else 1.6. */
  stepRatio?: number;
  /** Number of steps; default 15 (at least the minimum the rule needs). */
  numSteps?: number;
  /** Nominal step; default `max(log(e - 1 + |x|), 1)` per element. */
  stepNom?: number;
  /** Offset added to the step exponent; default 0. */
  offset?: number;
  /** Extra steps beyond the minimum when `numSteps` is not given (fixed `step` only; default 0). */
  numExtrap?: number;
  /** Make steps exactly representable as `(h + 1) - 1`; default false (true for a fixed `step`). */
  useExactSteps?: boolean;
  /** Raise `numSteps` to the minimum the rule needs; default true. */
  checkNumSteps?: boolean;
}

export const STEP_OPTION_NAMES = [
  "baseStep",
  "stepRatio",
  "numSteps",
  "stepNom",
  "offset",
  "numExtrap",
  "useExactSteps",
  "checkNumSteps",
] as const;

export interface StepSequence {
  /** One Float64Array of per-element steps per step size, largest first. */
  steps: Float64Array[];
  /** The ratio Richardson extrapolation assumes between successive steps. */
  ratio: number;
}

const makeExact = (h: number): number => h + 1 - 1;

/**
 * numdifftools' MaxStepGenerator (no `step` given: `baseStep * stepNom * ratio^-i`, i = 0..14)
 * or MinStepGenerator (a fixed `step`: `step * ratio^i`, i = numSteps-1..0).
 */
export function generateSteps(
  x: Float64Array,
  step: number | undefined,
  options: StepOptions,
  method: Method,
  n: number,
  methodOrder: number,
): StepSequence {
  const fixed = step !== undefined;
  const baseStep = fixed ? step : (options.baseStep ?? 2);
  const useExact = options.useExactSteps ?? fixed;
  const offset = options.offset ?? 0;
  const divisor = method === "central" ? 2 : 1;
  const minNumSteps = Math.max(Math.floor((n + methodOrder - 1) / divisor), 1);
  let numSteps: number;
  const requested = options.numSteps ?? (fixed ? undefined : 15);
  if (requested !== undefined) {
    numSteps = Math.trunc(requested);
    if (options.checkNumSteps ?? true) numSteps = Math.max(numSteps, minNumSteps);
  } else numSteps = minNumSteps + Math.trunc(options.numExtrap ?? 0);

  let ratio = options.stepRatio ?? (n === 1 ? 2 : 1.6);
  const base = new Float64Array(x.length);
  const fixedNom = options.stepNom ?? (fixed ? 1 : undefined);
  for (let e = 0; e < x.length; e++) {
    const nom = fixedNom ?? Math.max(Math.log(1.718281828459045 + Math.abs(x[e])), 1);
    base[e] = useExact ? makeExact(baseStep * nom) : baseStep * nom;
  }
  if (useExact) ratio = makeExact(ratio);

  const steps: Float64Array[] = [];
  for (let k = 0; k < numSteps; k++) {
    const i = fixed ? numSteps - 1 - k : k;
    const exponent = (fixed ? i : -i) + offset;
    const factor = Number.isInteger(exponent) ? powInt(ratio, exponent) : ratio ** exponent;
    const h = new Float64Array(x.length);
    let allNonZero = true;
    for (let e = 0; e < x.length; e++) {
      h[e] = base[e] * factor;
      if (h[e] === 0) allNonZero = false;
    }
    if (allNonZero) steps.push(h);
  }
  return { steps, ratio: Math.abs(ratio) };
}
