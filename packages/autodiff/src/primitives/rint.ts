import * as nd from "@nabla/ndarray";
import { unary } from "./unary.js";

/** `rint`, elementwise; derivative zero. */
export const rint = unary("rint", (x) => nd.rint(x), null);
