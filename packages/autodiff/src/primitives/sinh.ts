import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `sinh`, elementwise; derivative cosh x. */
export const sinh = unary(
  "sinh",
  (x) => nd.sinh(x),
  (x) => np.cosh(x),
);
