import type { Primitive } from "./primitive.js";
import type { Value } from "./value.js";

/**
 * One level of the interpreter stack (autodidax's MainTrace + Trace). A transform opens a trace
 * one level above every trace already open; `bind` hands a primitive to the highest trace among
 * its arguments, so nested transforms never confuse each other's perturbations.
 */
export abstract class Trace {
  declare readonly level: number;
  constructor(level: number) {
    this.level = level;
  }
  /** Applies `prim` to `args`, at least one of which is a tracer of this trace. */
  abstract process(prim: Primitive, args: readonly Value[], params: unknown): Value;
}

let depth = 0;

/** Opens a new level one above every open one: pass it to `closeLevel` in a `finally`. */
export function nextLevel(): number {
  return ++depth;
}

/** Closes `level` (and any level a throwing transform left open above it). */
export function closeLevel(level: number): void {
  depth = level - 1;
}
