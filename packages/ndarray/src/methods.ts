// The functions behind NDArray's chainable methods, gathered so ndarray.ts imports one module.
export {
  add,
  clip,
  divide,
  maximum,
  minimum,
  mod,
  multiply,
  power,
  square,
  subtract,
} from "./arithmetic.js";
export { equal, greater, greaterEqual, less, lessEqual, notEqual } from "./compare.js";
export { cumprod, cumsum } from "./cumulative.js";
export { diagonal, trace } from "./diag.js";
export { nonzero, take } from "./indexing.js";
export { dot } from "./linalg/dot.js";
export { matmul } from "./linalg/matmul.js";
export { cos, exp, log, sin, sqrt, tan, tanh } from "./math.js";
export { repr } from "./print.js";
export { repeat } from "./rearrange.js";
export { all, any, argmax, argmin, max, mean, min, prod, std, sum, var_ } from "./reduce.js";
export { abs, negative } from "./sign.js";
export { argsort } from "./sort.js";
