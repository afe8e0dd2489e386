import type { DType, NDArray } from "@nabla/ndarray";
import type { Tracer } from "./tracer.js";

/** A concrete value: a JS number (a float64 scalar) or an NDArray. */
export type Concrete = number | NDArray;

/** What flows through a traced program: a concrete value or a tracer of some transform. */
export type Value = Concrete | Tracer;

/**
 * The shape of a 0-d value, shared and never written. Not frozen: a frozen array has its own
 * elements kind, and shape reads everywhere would see one more map.
 */
export const SCALAR: readonly number[] = [];

/** The shape of any value (a JS number is 0-d). */
export function shapeOf(v: Value): readonly number[] {
  if (typeof v === "number") return SCALAR;
  return v.shape;
}

/** The dtype of any value (a JS number is float64, like jax with x64). */
export function dtypeOf(v: Value): DType {
  if (typeof v === "number") return "float64";
  return v.dtype;
}

export function ndimOf(v: Value): number {
  return typeof v === "number" ? 0 : v.shape.length;
}

export function isFloatDType(dtype: DType): boolean {
  return dtype === "float64" || dtype === "float32";
}
