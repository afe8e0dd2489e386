import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `arccos`, elementwise; derivative -1/√(1-x²). */
export const arccos = unary(
  "arccos",
  (x) => nd.arccos(x),
  (x) => np.negative(np.reciprocal(np.sqrt(np.subtract(1, np.multiply(x, x))))),
);
