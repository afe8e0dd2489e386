import * as nd from "@nabla/ndarray";
import { unary } from "./unary.js";

/** `ceil`, elementwise; derivative zero. */
export const ceil = unary("ceil", (x) => nd.ceil(x), null);
