import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `log10`, elementwise; derivative 1/(x ln 10). */
export const log10 = unary(
  "log10",
  (x) => nd.log10(x),
  (x) => np.reciprocal(np.multiply(x, Math.LN10)),
);
