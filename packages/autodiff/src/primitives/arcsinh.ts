import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `arcsinh`, elementwise; derivative 1/√(x²+1). */
export const arcsinh = unary(
  "arcsinh",
  (x) => nd.arcsinh(x),
  (x) => np.reciprocal(np.sqrt(np.add(np.multiply(x, x), 1))),
);
