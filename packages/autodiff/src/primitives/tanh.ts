import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `tanh`, elementwise; derivative 1 - tanh² x. */
export const tanh = unary(
  "tanh",
  (x) => nd.tanh(x),
  (_x, y) => np.subtract(1, np.multiply(y, y)),
);
