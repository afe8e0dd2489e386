import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `log`, elementwise; derivative 1/x. */
export const log = unary(
  "log",
  (x) => nd.log(x),
  (x) => np.reciprocal(x),
);
