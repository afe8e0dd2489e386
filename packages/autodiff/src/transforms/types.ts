/**
 * A function a transform accepts or returns. Arguments and results are loosely typed, as in jax:
 * the same function runs on numbers, NDArrays and tracers, and returns pytrees of them.
 */
// biome-ignore lint/suspicious/noExplicitAny: a transform takes functions of any argument types and returns their results' shapes, which TypeScript cannot express.
export type AnyFunction = (...args: any[]) => any;
