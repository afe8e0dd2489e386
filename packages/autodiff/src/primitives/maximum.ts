import * as nd from "@nabla/ndarray";
import { extremum } from "./extremum.js";

/** Elementwise maximum; at ties the derivative is shared half and half (jax's rule). */
export const maximum = extremum("maximum", (x, y) => nd.maximum(x, y));
