import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `arctanh`, elementwise; derivative 1/(1-x²). */
export const arctanh = unary(
  "arctanh",
  (x) => nd.arctanh(x),
  (x) => np.reciprocal(np.subtract(1, np.multiply(x, x))),
);
