import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `log1p`, elementwise; derivative 1/(1+x). */
export const log1p = unary(
  "log1p",
  (x) => nd.log1p(x),
  (x) => np.reciprocal(np.add(x, 1)),
);
