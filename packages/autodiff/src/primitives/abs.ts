import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `abs`, elementwise; derivative sign x, taken as +1 at 0 (jax: abs'(0) = 1). */
export const abs = unary(
  "abs",
  (x) => nd.abs(x),
  (x) => np.where(np.greaterEqual(x, 0), 1, -1),
);
