import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `sin`, elementwise; derivative cos x. */
export const sin = unary(
  "sin",
  (x) => nd.sin(x),
  (x) => np.cos(x),
);
