/**
 * @nabla/optimize: scipy.optimize's minimize in TypeScript.
 * @packageDocumentation
 */

export { Bounds, type BoundsLike } from "./bounds.js";
export { BFGS, HessianUpdateStrategy, SR1 } from "./hessianUpdateStrategy.js";
export { LbfgsInvHessProduct } from "./methods/lbfgsb/invHess.js";
export {
  type MinimizeOptions,
  minimize,
  type ObjectiveFunction,
  type Returned,
  type TracedObjective,
} from "./minimize.js";
export { type MinimizeScalarOptions, minimizeScalar } from "./minimizeScalar.js";
export { OptimizeResult, type OptimizeResultFields } from "./optimizeResult.js";
export { StopIteration } from "./stopIteration.js";
