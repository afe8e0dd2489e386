import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `arcsin`, elementwise; derivative 1/√(1-x²). */
export const arcsin = unary(
  "arcsin",
  (x) => nd.arcsin(x),
  (x) => np.reciprocal(np.sqrt(np.subtract(1, np.multiply(x, x)))),
);
