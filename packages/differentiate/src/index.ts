/**
 * @nabla/differentiate: numerical derivatives with Richardson extrapolation and error estimates —
 * numdifftools' `Derivative`, `Gradient`, `Jacobian`, `Hessdiag`, `Hessian`, `directionaldiff` and
 * scipy.differentiate's `derivative`, `jacobian`, `hessian`.
 * @packageDocumentation
 */

export type { NumericFunction } from "./internal/evaluate.js";
export type { Method as FiniteDifferenceMethod } from "./internal/fdRule.js";
export type { NdCommonOptions } from "./internal/ndOptions.js";
export type { EstimateResult } from "./internal/ndResult.js";
export type { ScipyCommonOptions, Tolerances } from "./internal/scipyOptions.js";
export type { StepOptions } from "./internal/steps.js";
export type { VectorFunction } from "./internal/vectorEval.js";
export {
  Derivative,
  type DerivativeFullFunction,
  type DerivativeFunction,
  type DerivativeOptions,
} from "./nd/Derivative.js";
export { directionaldiff } from "./nd/directionaldiff.js";
export { Gradient, type GradientFullFunction, type GradientFunction } from "./nd/Gradient.js";
export {
  Hessdiag,
  type HessdiagFullFunction,
  type HessdiagFunction,
  type HessdiagOptions,
} from "./nd/Hessdiag.js";
export {
  Hessian,
  type HessianFullFunction,
  type HessianFunction,
  type HessianOptions,
} from "./nd/Hessian.js";
export {
  Jacobian,
  type JacobianFullFunction,
  type JacobianFunction,
  type JacobianOptions,
} from "./nd/Jacobian.js";
export {
  type DerivativeResult,
  type DerivativeScipyOptions,
  derivative,
} from "./scipy/derivative.js";
export { type HessianResult, type HessianScipyOptions, hessian } from "./scipy/hessian.js";
export { type JacobianResult, type JacobianScipyOptions, jacobian } from "./scipy/jacobian.js";
