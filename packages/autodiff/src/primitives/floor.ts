import * as nd from "@nabla/ndarray";
import { unary } from "./unary.js";

/** `floor`, elementwise; derivative zero. */
export const floor = unary("floor", (x) => nd.floor(x), null);
