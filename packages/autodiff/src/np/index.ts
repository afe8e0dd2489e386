/**
 * The traceable numpy namespace, jax's `jax.numpy`: the same names and options as
 * @nabla/ndarray; eager on concrete arrays, traced inside a transform.
 */

export * as linalg from "./linalgNamespace.js";
export * from "./ops.js";
export { var_ as var } from "./reduce.js";
