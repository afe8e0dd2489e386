import * as nd from "@nabla/ndarray";
import { unary } from "./unary.js";

/** `trunc`, elementwise; derivative zero. */
export const trunc = unary("trunc", (x) => nd.trunc(x), null);
