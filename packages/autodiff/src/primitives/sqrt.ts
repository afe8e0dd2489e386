import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `sqrt`, elementwise; derivative 0.5/√x (Infinity at 0, as jax). */
export const sqrt = unary(
  "sqrt",
  (x) => nd.sqrt(x),
  (_x, y) => np.divide(0.5, y),
);
