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

// Typed arrays above 64 bytes get their own off-heap allocation in V8, an order of magnitude
// dearer than a view into an existing buffer; arrays of 65 bytes to 1 KiB are carved from shared
// slabs instead, as Node's Buffer pool does. A slab lives while any of its arrays does; slabs are
// never reused, so new arrays are always zeroed. The first slabs are small (2 KiB, doubling), so
// that V8 sees a slab made several times before it optimizes allocate: a first refill after that
// deoptimized allocate and every kernel it was inlined into.
const MAX_SLAB_BYTES = 1 << 16;
const SMALL_BYTES = 1024;
// Up to 64 bytes V8 keeps a typed array's elements on its own heap, cheaper still than a view.
const ON_HEAP_BYTES = 64;
let slabBytes = 1 << 11;
let slab = new ArrayBuffer(slabBytes);
let slabUsed = 0;

/** The typed array that stores each dtype, as a type. */
export interface StorageOf {
  float64: Float64Array;
  float32: Float32Array;
  int32: Int32Array;
  bool: Uint8Array;
}

/**
 * A new zero-filled typed array of `length` elements of `dtype`. Prefer it to `new
 * Float64Array(n)` for short-lived small vectors (results, per-iteration work arrays): arrays of
 * 65 bytes to 1 KiB come from a shared slab and cost a fraction of an allocation.
 * @example
 * const g = allocate("float64", 3); // Float64Array [0, 0, 0]
 */
export function allocate<D extends DType>(dtype: D, length: number): StorageOf[D];
export function allocate(dtype: DType, length: number): TypedArray {
  // float64, nearly every call, has a constructor call of its own: one call site that sees
  // several typed-array classes goes megamorphic, and every allocation then pays for it
  if (dtype === "float64") return allocateFloat64(length);
  const Storage = constructors[dtype];
  const bytes = length * (Storage as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  if (bytes > SMALL_BYTES || bytes <= ON_HEAP_BYTES) return new Storage(length);
  const offset = carve(bytes);
  return new (Storage as unknown as new (b: ArrayBuffer, o: number, n: number) => TypedArray)(
    slab,
    offset,
    length,
  );
}

function allocateFloat64(length: number): Float64Array {
  const bytes = length * 8;
  if (bytes > SMALL_BYTES || bytes <= ON_HEAP_BYTES) return new Float64Array(length);
  const offset = carve(bytes);
  return new Float64Array(slab, offset, length);
}

/** Reserves `bytes` (rounded up to 8) of the current slab, starting a new one when needed. */
function carve(bytes: number): number {
  const aligned = (bytes + 7) & ~7;
  // (a caller may transfer the buffer behind an array, which detaches the slab)
  if (slabUsed + aligned > slabBytes || slab.byteLength === 0) {
    if (slabBytes < MAX_SLAB_BYTES) slabBytes *= 2;
    slab = new ArrayBuffer(slabBytes);
    slabUsed = 0;
  }
  const offset = slabUsed;
  slabUsed += aligned;
  return offset;
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

/**
 * numpy's result_type for two array dtypes: bool < int32 < float32 < float64, int32+float32 -> float64.
 * @example
 * promote("int32", "float32"); // "float64"
 */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if ((a === "int32" && b === "float32") || (a === "float32" && b === "int32")) return "float64";
  return DTYPES.indexOf(a) > DTYPES.indexOf(b) ? a : b;
}

/** The float dtype that a function like `sqrt` or `divide` returns for inputs of `dtype`. */
export function floatOf(dtype: DType): DType {
  return dtype === "float32" ? "float32" : "float64";
}
