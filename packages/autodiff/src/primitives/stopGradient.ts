import type { Primitive } from "../core/primitive.js";

/** The identity whose derivative is zero (jax's `stop_gradient`). */
export const stopGradient: Primitive<undefined> = {
  name: "stopGradient",
  impl: ([x]) => x,
  jvp: () => null,
  vjp: () => [null],
  batch: ([x], [d]) => [x, d],
};
