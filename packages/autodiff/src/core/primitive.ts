import type { Concrete, Value } from "./value.js";

/**
 * A primitive operation with everything each transform needs, declared together:
 * - `impl`: the concrete computation (a call into @nabla/ndarray);
 * - `jvp`: the forward rule, tangents are `null` for symbolic zeros (return `null` for a zero
 *   tangent); a tangent with fewer dimensions than the output is broadcast by the JVP trace;
 * - `vjp`: the reverse rule, written with traceable operations so it can be differentiated again;
 *   a cotangent with the output's shape is summed back to a broadcast input's shape by the tape;
 * - `batch`: the vmap rule, given each argument's batch axis (`null` = not batched), the batch
 *   size, and the primitive itself (so that one rule, elementwiseBatch, serves every elementwise
 *   primitive as it is: one function for V8 to optimize instead of a wrapper per primitive).
 */
export interface Primitive<P = unknown> {
  readonly name: string;
  impl(args: readonly Concrete[], params: P): Concrete;
  jvp(
    primals: readonly Value[],
    tangents: readonly (Value | null)[],
    params: P,
    out: Value,
  ): Value | null;
  vjp(
    ct: Value,
    primals: readonly Value[],
    params: P,
    out: Value,
    which: readonly boolean[],
  ): readonly (Value | null)[];
  batch(
    args: readonly Value[],
    dims: readonly (number | null)[],
    params: P,
    size: number,
    prim: Primitive<P>,
  ): [Value, number | null];
  /** How makeJaxpr prints the parameters (omitted when there are none). */
  show?(params: P): string;
}
