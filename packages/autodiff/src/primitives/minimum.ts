import * as nd from "@nabla/ndarray";
import { extremum } from "./extremum.js";

/** Elementwise minimum; at ties the derivative is shared half and half (jax's rule). */
export const minimum = extremum("minimum", (x, y) => nd.minimum(x, y));
