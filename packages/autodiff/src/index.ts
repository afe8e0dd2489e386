/**
 * @nabla/autodiff: jax's composable function transforms over @nabla/ndarray.
 * @packageDocumentation
 */

export type { Primitive } from "./core/primitive.js";
export { type Operand, Tracer } from "./core/tracer.js";
export type { Concrete, Value } from "./core/value.js";
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
export { hessian } from "./transforms/hessian.js";
export { type JacobianOptions, jacfwd } from "./transforms/jacfwd.js";
export { jacrev } from "./transforms/jacrev.js";
export { type JvpOptions, jvp } from "./transforms/jvp.js";
export { type Jaxpr, makeJaxpr } from "./transforms/makeJaxpr.js";
export { stopGradient } from "./transforms/stopGradient.js";
export { type GradOptions, valueAndGrad } from "./transforms/valueAndGrad.js";
export { vjp } from "./transforms/vjp.js";
export { type AxisSpec, type VmapOptions, vmap } from "./transforms/vmap.js";
