import * as nd from "@nabla/ndarray";
import { unary } from "./unary.js";

/** `exp`, elementwise; derivative exp x. */
export const exp = unary(
  "exp",
  (x) => nd.exp(x),
  (_x, y) => y,
);
