import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `square`, elementwise; derivative 2x. */
export const square = unary(
  "square",
  (x) => nd.square(x),
  (x) => np.multiply(x, 2),
);
