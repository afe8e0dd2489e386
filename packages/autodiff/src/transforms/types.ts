import type { NDArray } from "@nabla/ndarray";
import type { Tracer } from "../core/tracer.js";
import type { Value } from "../core/value.js";

/**
 * A function a transform accepts. Arguments and results are loosely typed, as in jax: the same
 * function runs on numbers, NDArrays and tracers, and returns pytrees of them; the transforms
 * type what they return from the signature of the function they are given.
 */
// biome-ignore lint/suspicious/noExplicitAny: a transform accepts functions of any parameter types (any keeps user functions assignable whatever they declare).
export type AnyFunction = (...args: any[]) => any;

/** True for `any` (where the types say nothing, the transforms say nothing either). */
type IsAny<T> = 0 extends 1 & T ? true : false;

/** Types the concretizing maps keep as they are (typed arrays too: np.array's inputs). */
type Kept =
  | number
  | NDArray
  | string
  | boolean
  | bigint
  | symbol
  | null
  | undefined
  | ArrayBufferView;

/** A pytree leaf: a number, an NDArray or a tracer. */
type Leaf = number | NDArray | Tracer;

/**
 * A value written against tracers, seen from outside the transform: every `Tracer` in `T`
 * (also inside arrays, tuples and objects: pytrees) becomes `number | NDArray`, the concrete
 * value it stands for. Other types are kept.
 * @example
 * type Args = ConcreteOf<[Tracer, { w: Tracer; b: number }]>; // [number | NDArray, { w: number | NDArray; b: number }]
 */
export type ConcreteOf<T> = TracersTo<T, number | NDArray>;

/** `T` with every `Tracer` in it (also inside arrays, tuples and objects) replaced by `L`. */
type TracersTo<T, L> =
  IsAny<T> extends true
    ? T
    : T extends Tracer
      ? L
      : T extends Kept
        ? T
        : T extends (...args: never[]) => unknown
          ? T
          : T extends readonly unknown[] | object
            ? { [K in keyof T]: TracersTo<T[K], L> }
            : T;

/**
 * The parameters of a function written against tracers, as a transformed function accepts
 * them: each `Tracer` becomes `number | NDArray` (see {@link ConcreteOf}).
 * @example
 * type P = ConcreteArgs<[x: Tracer, n: number]>; // [x: number | NDArray, n: number]
 */
export type ConcreteArgs<P extends readonly unknown[]> = ConcreteOf<P>;

/**
 * Like {@link ConcreteOf}, but tracers stay accepted: a transformed function can be called on
 * concrete values, or on tracers inside another transform (`grad((x) => grad(f)(x))`).
 * @example
 * type A = TraceableOf<[Tracer]>; // [number | NDArray | Tracer]
 */
export type TraceableOf<T> = TracersTo<T, Value>;

/** The leaves (numbers, NDArrays, tracers) found anywhere in `T`. */
type LeavesOf<T> =
  IsAny<T> extends true
    ? T
    : T extends Leaf
      ? T
      : T extends (...args: never[]) => unknown
        ? never
        : T extends readonly (infer E)[]
          ? LeavesOf<E>
          : T extends object
            ? LeavesOf<T[keyof T]>
            : never;

/** True when a tracer may be among the arguments `A` (then results are tracers too). */
export type HasTracer<A> =
  IsAny<A> extends true ? true : [Extract<LeavesOf<A>, Tracer>] extends [never] ? false : true;

/**
 * The type of a derivative with respect to a value of type `T`: it has `T`'s structure, and a
 * number's derivative is a number, an NDArray's an NDArray, a tracer's a tracer. (An NDArray
 * with no axes is the exception: every 0-d result comes back as a JS number.)
 * @example
 * type G = GradOf<{ w: NDArray; b: number }>; // { w: NDArray; b: number }
 */
export type GradOf<T> =
  IsAny<T> extends true
    ? T
    : T extends number
      ? number
      : T extends Leaf
        ? T
        : T extends null | undefined
          ? T
          : T extends readonly unknown[] | object
            ? { -readonly [K in keyof T]: GradOf<T[K]> }
            : T;

/** Argument `N` of `A` (the union of all when `N` is not a known position, e.g. negative). */
export type ArgAt<A extends readonly unknown[], N> = N extends number
  ? `${N}` extends keyof A
    ? A[`${N}` & keyof A]
    : A[number]
  : A[number];

/**
 * The structure derivatives come back in for `argnums` `N`: one argument's type for a number,
 * an array of them (one per entry) for an array.
 */
export type DiffArgs<A extends readonly unknown[], N> = N extends readonly unknown[]
  ? { -readonly [K in keyof N]: ArgAt<A, N[K]> }
  : ArgAt<A, N>;

/** The aux output of a function returning `[output, aux]`, concretized. */
export type AuxOf<R> =
  IsAny<R> extends true
    ? R
    : R extends readonly [unknown, infer X]
      ? ConcreteOf<X>
      : R extends readonly (infer E)[]
        ? ConcreteOf<E>
        : unknown;

/** The output of a function returning `[output, aux]`. */
export type MainOf<R> =
  IsAny<R> extends true
    ? R
    : R extends readonly [infer O, unknown]
      ? O
      : R extends readonly (infer E)[]
        ? E
        : unknown;

/**
 * Every leaf of `T` as a transform running under another one may return it: a tracer, or a
 * concrete value where it does not depend on the outer tracers.
 */
export type TracedOf<T> = LeavesTo<T, Value>;

/** `T` with every leaf (number, NDArray, tracer) replaced by `L`, its structure kept. */
type LeavesTo<T, L> =
  IsAny<T> extends true
    ? T
    : T extends Leaf
      ? L
      : T extends null | undefined
        ? T
        : T extends (...args: never[]) => unknown
          ? T
          : T extends readonly unknown[] | object
            ? { -readonly [K in keyof T]: LeavesTo<T[K], L> }
            : T;

/**
 * The aux of a scalar function returning `[output, aux]`. When `f`'s return type is an array
 * rather than a pair (`return [loss, { acc }]` without `as const`), the output is the scalar
 * leaf and the aux the rest, so the non-leaf members of the element type are taken as the aux.
 */
export type ScalarAuxOf<R> =
  IsAny<R> extends true
    ? R
    : R extends readonly [unknown, infer X]
      ? ConcreteOf<X>
      : R extends readonly (infer E)[]
        ? [Exclude<E, Leaf>] extends [never]
          ? ConcreteOf<E>
          : ConcreteOf<Exclude<E, Leaf>>
        : unknown;

/** Each leaf of `T` as a vmapped result: an NDArray with the batch axis. */
export type BatchedOf<T> = LeavesTo<T, NDArray>;

/** Each leaf of `T` as `number | NDArray` (vmap with `outAxes` that may leave leaves unbatched). */
export type LeavesAsConcrete<T> = LeavesTo<T, number | NDArray>;

/** The Jacobian entry of output leaf `O` with respect to input leaf `I`: shape out + in. */
type JacEntry<O, I> = I extends number
  ? O extends number
    ? number
    : O extends NDArray
      ? NDArray
      : number | NDArray
  : NDArray;

/** The Jacobian of output leaf `O`: the input tree `In` with each leaf replaced by its block. */
type JacOfLeaf<O, In> =
  IsAny<In> extends true
    ? In
    : In extends Leaf
      ? JacEntry<O, In>
      : In extends null | undefined
        ? In
        : In extends readonly unknown[] | object
          ? { -readonly [K in keyof In]: JacOfLeaf<O, In[K]> }
          : In;

/**
 * The Jacobian of an output of type `Out` with respect to inputs of type `In` (as jacfwd and
 * jacrev return it): the output tree with each leaf replaced by the input tree, each block an
 * NDArray of shape out + in — a number only when both are scalars.
 * @example
 * type J = JacobianOf<Tracer, NDArray>; // NDArray
 */
export type JacobianOf<Out, In> =
  IsAny<Out> extends true
    ? Out
    : Out extends Leaf
      ? JacOfLeaf<Out, In>
      : Out extends null | undefined
        ? Out
        : Out extends readonly unknown[] | object
          ? { -readonly [K in keyof Out]: JacobianOf<Out[K], In> }
          : Out;

/** A result for arguments `A`: `T` for concrete arguments, its leaves as tracers when traced. */
export type Result<A, T> = HasTracer<A> extends true ? TracedOf<T> : T;
