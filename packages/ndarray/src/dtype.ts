/** The element types an {@link NDArray} can hold. `float64` is the default everywhere. */
export type DType = "float64" | "float32" | "int32" | "bool";

/** The typed arrays behind each dtype (`bool` is stored as bytes, 0 or 1). */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export interface TypedArrayConstructor {
  new (length: number): TypedArray;
  new (values: ArrayLike<number>): TypedArray;
}

const constructors: Record<DType, TypedArrayConstructor> = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  bool: Uint8Array,
};

export const DTYPES: readonly DType[] = ["bool", "int32", "float32", "float64"];

/** The typed-array class that stores `dtype`. */
export function storage(dtype: DType): TypedArrayConstructor {
  return constructors[dtype];
}

/** The dtype stored by a typed array. */
export function dtypeOf(data: TypedArray): DType {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  return "bool";
}

export function isDType(value: unknown): value is DType {
  return typeof value === "string" && value in constructors;
}

export function isFloat(dtype: DType): boolean {
  return dtype === "float64" || dtype === "float32";
}

/** numpy's result_type for two array dtypes: bool < int32 < float32 < float64, int32+float32 -> float64. */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if ((a === "int32" && b === "float32") || (a === "float32" && b === "int32")) return "float64";
  return DTYPES.indexOf(a) > DTYPES.indexOf(b) ? a : b;
}

/** The float dtype that a function like `sqrt` or `divide` returns for inputs of `dtype`. */
export function floatOf(dtype: DType): DType {
  return dtype === "float32" ? "float32" : "float64";
}
