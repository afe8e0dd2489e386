import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `tan`, elementwise; derivative 1 + tan² x. */
export const tan = unary(
  "tan",
  (x) => nd.tan(x),
  (_x, y) => np.add(1, np.multiply(y, y)),
);
