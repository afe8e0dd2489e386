import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `cos`, elementwise; derivative -sin x. */
export const cos = unary(
  "cos",
  (x) => nd.cos(x),
  (x) => np.negative(np.sin(x)),
);
