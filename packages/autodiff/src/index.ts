/**
 * @nabla/autodiff: jax's composable function transforms over @nabla/ndarray.
 * @packageDocumentation
 */

export type { Primitive } from "./core/primitive.js";
export { type Operand, Tracer } from "./core/tracer.js";
export type { Concrete, Value } from "./core/value.js";
/**
 * The traceable numpy namespace (jax's `jax.numpy`): @nabla/ndarray's names and options, eager on
 * numbers and NDArrays, traced inside a transform.
 * @example
 * np.sum(np.sin(np.array([0, 1]))); // 0.8414709848078965
 * grad((x) => np.sum(np.power(x, 2)))(np.array([1, 2])); // array([2., 4.])
 */
export * as np from "./np/index.js";
export { type Params, type PrimitiveName, primitives } from "./primitives/index.js";
export { type CheckGradsOptions, checkGrads } from "./transforms/checkGrads.js";
export { type CustomJvpFunction, customJvp, type JvpRule } from "./transforms/customJvp.js";
export {
  type CustomVjpFunction,
  customVjp,
  type VjpBackward,
  type VjpForward,
} from "./transforms/customVjp.js";
export { grad } from "./transforms/grad.js";
export { type HessianFunction, hessian } from "./transforms/hessian.js";
export { type JacobianFunction, type JacobianOptions, jacfwd } from "./transforms/jacfwd.js";
export { jacrev } from "./transforms/jacrev.js";
export { type JvpOptions, type JvpResult, jvp } from "./transforms/jvp.js";
export { type Jaxpr, makeJaxpr } from "./transforms/makeJaxpr.js";
export { stopGradient } from "./transforms/stopGradient.js";
export type {
  ConcreteArgs,
  ConcreteOf,
  GradOf,
  JacobianOf,
  TraceableOf,
} from "./transforms/types.js";
export {
  type GradFunction,
  type GradOptions,
  type ValueAndGradFunction,
  valueAndGrad,
} from "./transforms/valueAndGrad.js";
export { type VjpResult, vjp } from "./transforms/vjp.js";
export { type AxisSpec, type VmapFunction, type VmapOptions, vmap } from "./transforms/vmap.js";
