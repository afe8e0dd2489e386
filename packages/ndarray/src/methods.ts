// The functions behind NDArray's chainable methods, gathered so ndarray.ts imports one module.
export { add, subtract, multiply, divide, power, mod, maximum, minimum, clip, square } from "./arithmetic.js";
export { sqrt, exp, log, sin, cos, tan, tanh } from "./math.js";
export { negative, abs } from "./sign.js";
export { equal, notEqual, less, lessEqual, greater, greaterEqual } from "./compare.js";
export { repr } from "./print.js";
export { sum, prod, mean, var_, std, min, max, argmin, argmax, any, all } from "./reduce.js";
export { cumsum, cumprod } from "./cumulative.js";
export { nonzero, take } from "./indexing.js";
export { argsort } from "./sort.js";
export { repeat } from "./rearrange.js";
export { diagonal, trace } from "./diag.js";
export { matmul } from "./linalg/matmul.js";
export { dot } from "./linalg/dot.js";
