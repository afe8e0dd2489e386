import {
  type ArrayLike,
  asarray,
  type NDArray,
  rangeError,
  ShapeError,
  typeError,
} from "@nabla/ndarray";

/**
 * Box constraints `lb <= x <= ub` (scipy.optimize.Bounds). Each bound is a number (same for every
 * coordinate) or an array; use `-Infinity`/`Infinity` (or `null` in a pair list) for "no bound".
 * @example
 * minimize(f, [0.5, 0.5], { bounds: new Bounds([0, 0], [1, Infinity]) });
 */
export class Bounds {
  readonly lb: NDArray;
  readonly ub: NDArray;
  readonly keepFeasible: boolean;

  constructor(
    lb: ArrayLike = Number.NEGATIVE_INFINITY,
    ub: ArrayLike = Number.POSITIVE_INFINITY,
    options: { keepFeasible?: boolean } = {},
  ) {
    this.lb = asarray(lb, { dtype: "float64" });
    this.ub = asarray(ub, { dtype: "float64" });
    this.keepFeasible = options.keepFeasible ?? false;
  }

  toString(): string {
    return `Bounds(${this.lb.toString()}, ${this.ub.toString()})`;
  }
}

/** What `bounds` may be: a Bounds object or one [lo, hi] pair per coordinate (null for none). */
export type BoundsLike =
  | Bounds
  | readonly (
      | readonly [number | null | undefined, number | null | undefined]
      | readonly (number | null)[]
    )[];

function broadcast(fn: string, a: NDArray, n: number, which: string): Float64Array {
  const d = a.toTypedArray();
  if (a.size === 1) return new Float64Array(n).fill(Number(d[0]));
  if (a.size !== n)
    throw new ShapeError(
      `${fn}: bounds.${which} has ${a.size} entries but x0 has ${n}; give one bound per coordinate or a single number.`,
    );
  return new Float64Array(d as Float64Array);
}

/** Normalises and validates bounds (scipy's standardize_bounds + _validate_bounds). */
export function standardizeBounds(
  fn: string,
  bounds: BoundsLike,
  n: number,
): { lb: Float64Array; ub: Float64Array } {
  let lb: Float64Array;
  let ub: Float64Array;
  if (bounds instanceof Bounds) {
    lb = broadcast(fn, bounds.lb, n, "lb");
    ub = broadcast(fn, bounds.ub, n, "ub");
  } else if (Array.isArray(bounds)) {
    if (bounds.length !== n) {
      throw new ShapeError(
        `${fn}: bounds must have one [lo, hi] pair per element of x0 (${n}), got ${bounds.length}.`,
      );
    }
    lb = new Float64Array(n);
    ub = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const pair = bounds[i];
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw typeError(
          `${fn}: bounds[${i}] must be a [lo, hi] pair, got ${JSON.stringify(pair)}.`,
        );
      }
      lb[i] =
        pair[0] === null || pair[0] === undefined ? Number.NEGATIVE_INFINITY : Number(pair[0]);
      ub[i] =
        pair[1] === null || pair[1] === undefined ? Number.POSITIVE_INFINITY : Number(pair[1]);
    }
  } else {
    throw typeError(
      `${fn}: bounds must be a Bounds object or an array of [lo, hi] pairs, got ${typeof bounds}.`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(lb[i]) || Number.isNaN(ub[i]))
      throw rangeError(`${fn}: bounds[${i}] contains NaN.`);
    if (lb[i] > ub[i]) {
      throw rangeError(
        `${fn}: an upper bound is less than the corresponding lower bound (bounds[${i}] = [${lb[i]}, ${ub[i]}]).`,
      );
    }
  }
  return { lb, ub };
}
