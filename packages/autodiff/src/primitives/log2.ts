import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `log2`, elementwise; derivative 1/(x ln 2). */
export const log2 = unary(
  "log2",
  (x) => nd.log2(x),
  (x) => np.reciprocal(np.multiply(x, Math.LN2)),
);
