import * as nd from "@nabla/ndarray";
import { unary } from "./unary.js";

/** `sign`, elementwise; derivative zero. */
export const sign = unary("sign", (x) => nd.sign(x), null);
