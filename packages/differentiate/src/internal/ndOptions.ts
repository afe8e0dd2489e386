import { checkOptions, rangeError, typeError } from "@nabla/ndarray";
import type { Method } from "./fdRule.js";
import { STEP_OPTION_NAMES, type StepOptions } from "./steps.js";

/** Options shared by numdifftools-style `Derivative`, `Gradient`, `Jacobian`, `Hessdiag`, `Hessian`. */
export interface NdCommonOptions extends StepOptions {
  /** Fixed step: use exactly this step (and the few smaller ones the rule needs) instead of 15 extrapolated steps. */
  step?: number;
  /** `"central"` (default), `"forward"` or `"backward"`. */
  method?: Method;
  /** Number of error terms Richardson extrapolation removes; default 2. */
  richardsonTerms?: number;
  /** Return `{ estimate, errorEstimate, finalStep, bestIndex }` instead of the estimate. */
  fullOutput?: boolean;
}

export interface ResolvedNdOptions {
  n: number;
  method: Method;
  order: number;
  step: number | undefined;
  richardsonTerms: number;
  fullOutput: boolean;
  stepOptions: StepOptions;
}

const COMMON = ["step", "method", "richardsonTerms", "fullOutput", ...STEP_OPTION_NAMES] as const;

/** Validates the options of a numdifftools-style factory named `fn`. */
export function resolveNdOptions(
  fn: string,
  options: (NdCommonOptions & { n?: number; order?: number }) | undefined,
  extra: readonly string[],
  defaults: { n: number; order: number },
): ResolvedNdOptions {
  checkOptions(fn, options, [...COMMON, ...extra]);
  const o = options ?? {};
  const method = o.method ?? "central";
  if (method === ("complex" as Method) || method === ("multicomplex" as Method)) {
    throw rangeError(
      `${fn}: method "${method}" needs complex arithmetic (f evaluated at x + ih), which nabla does not have. Use "central", "forward" or "backward".`,
    );
  }
  if (method !== "central" && method !== "forward" && method !== "backward") {
    throw rangeError(
      `${fn}: method must be "central", "forward" or "backward", got ${JSON.stringify(method)}.`,
    );
  }
  const n = o.n ?? defaults.n;
  if (!Number.isInteger(n) || n < 0)
    throw rangeError(`${fn}: n must be a non-negative integer, got ${n}.`);
  const order = o.order ?? defaults.order;
  if (!Number.isInteger(order) || order < 1)
    throw rangeError(`${fn}: order must be a positive integer, got ${order}.`);
  const richardsonTerms = o.richardsonTerms ?? 2;
  if (!Number.isInteger(richardsonTerms) || richardsonTerms < 0) {
    throw rangeError(
      `${fn}: richardsonTerms must be a non-negative integer, got ${richardsonTerms}.`,
    );
  }
  if (
    o.step !== undefined &&
    (typeof o.step !== "number" || !(o.step > 0) || !Number.isFinite(o.step))
  ) {
    throw rangeError(`${fn}: step must be a positive finite number, got ${String(o.step)}.`);
  }
  if (o.stepRatio !== undefined && !(o.stepRatio > 1)) {
    throw rangeError(`${fn}: stepRatio must be greater than 1, got ${o.stepRatio}.`);
  }
  if (o.numSteps !== undefined && !(Number.isInteger(o.numSteps) && o.numSteps > 0)) {
    throw rangeError(`${fn}: numSteps must be a positive integer, got ${o.numSteps}.`);
  }
  if (o.fullOutput !== undefined && typeof o.fullOutput !== "boolean") {
    throw typeError(`${fn}: fullOutput must be true or false, got ${String(o.fullOutput)}.`);
  }
  const stepOptions: StepOptions = {};
  for (const key of STEP_OPTION_NAMES) {
    if (o[key] !== undefined) (stepOptions as Record<string, unknown>)[key] = o[key];
  }
  return {
    n,
    method,
    order,
    step: o.step,
    richardsonTerms,
    fullOutput: o.fullOutput ?? false,
    stepOptions,
  };
}
