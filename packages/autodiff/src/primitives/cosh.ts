import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `cosh`, elementwise; derivative sinh x. */
export const cosh = unary(
  "cosh",
  (x) => nd.cosh(x),
  (x) => np.sinh(x),
);
