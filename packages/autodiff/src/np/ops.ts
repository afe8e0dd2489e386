// Every traceable numpy function, in one module: the rules of the primitives and the Tracer
// methods import this, and `np` re-exports it.

export { stopGradient } from "../transforms/stopGradient.js";
export * from "./creation.js";
export * from "./elementwise.js";
export { det, dot, inner, inv, matmul, type NormOptions, norm, outer, solve } from "./linalg.js";
export * from "./reduce.js";
export * from "./shape.js";
