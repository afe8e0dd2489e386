import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `arccosh`, elementwise; derivative 1/√(x²-1). */
export const arccosh = unary(
  "arccosh",
  (x) => nd.arccosh(x),
  (x) => np.reciprocal(np.sqrt(np.subtract(np.multiply(x, x), 1))),
);
