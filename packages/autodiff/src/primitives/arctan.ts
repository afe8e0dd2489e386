import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `arctan`, elementwise; derivative 1/(1+x²). */
export const arctan = unary(
  "arctan",
  (x) => nd.arctan(x),
  (x) => np.reciprocal(np.add(1, np.multiply(x, x))),
);
