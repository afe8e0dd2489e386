import * as nd from "@nabla/ndarray";
import * as np from "../np/ops.js";
import { unary } from "./unary.js";

/** `expm1`, elementwise; derivative exp x. */
export const expm1 = unary(
  "expm1",
  (x) => nd.expm1(x),
  (_x, y) => np.add(y, 1),
);
