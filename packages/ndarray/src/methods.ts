// The functions behind NDArray's chainable methods, gathered so ndarray.ts imports one module.
export { add, subtract, multiply, divide, power, mod, maximum, minimum, clip, square } from "./arithmetic.js";
export { sqrt, exp, log, sin, cos, tan, tanh } from "./math.js";
export { negative, abs } from "./sign.js";
export { equal, notEqual, less, lessEqual, greater, greaterEqual } from "./compare.js";
export { repr } from "./print.js";
