import {
  type ArrayLike,
  checkOptions,
  type NDArray,
  rangeError,
  ShapeError,
  typeError,
} from "@nabla/ndarray";
import type { CubicOptions } from "./cubicHermiteSpline.js";
import { CubicHermiteSpline } from "./cubicHermiteSpline.js";
import { pyShape, toArray } from "./internal/input.js";
import { prepareInput } from "./internal/prepare.js";
import { splineCoefficients } from "./internal/splineBuild.js";
import type { EndBC } from "./internal/splineEnds.js";
import { checkExtrapolate, type Extrapolate, PPolyData } from "./ppoly.js";

/** A condition at one end: a name, or `[order, value]` for a given first or second derivative. */
export type CubicSplineEndCondition =
  | "not-a-knot"
  | "natural"
  | "clamped"
  | readonly [1 | 2, ArrayLike];

/** `bcType` of {@link CubicSpline}: one name for both ends, or `[start, end]`. */
export type CubicSplineBC =
  | "not-a-knot"
  | "natural"
  | "clamped"
  | "periodic"
  | readonly [CubicSplineEndCondition, CubicSplineEndCondition];

/** Options of {@link CubicSpline}. */
export interface CubicSplineOptions extends CubicOptions {
  /** End conditions, default "not-a-knot". */
  bcType?: CubicSplineBC;
}

/**
 * The C2 cubic spline through `(x, y)` (scipy's `CubicSpline`), with end conditions `bcType`:
 * "not-a-knot" (default; the third derivative is continuous at the second and next-to-last
 * points), "natural" (zero second derivative), "clamped" (zero slope), "periodic", or
 * `[start, end]` with `[order, value]` pairs such as `[[1, 0.5], [2, -1]]`. A {@link PPoly}.
 * `extrapolate` defaults to true ("periodic" with the periodic condition).
 * @example
 * const cs = new CubicSpline([0, 1, 2, 3, 4], [0, 1, 8, 27, 64]);
 * cs(2.5);                          // 15.625
 * cs(2.5, 1);                       // 18.75, the first derivative
 * cs.derivative(2)([1, 2]);         // array([ 6., 12.])
 * cs.integrate(0, 4);               // 64
 */
export class CubicSpline<V extends number | NDArray = number> extends CubicHermiteSpline<V> {
  constructor(x: ArrayLike, y: ArrayLike, options?: CubicSplineOptions) {
    const fn = "CubicSpline";
    checkOptions(fn, options, ["axis", "bcType", "extrapolate"]);
    if (y === undefined)
      throw typeError(`${fn}: expected x and y, as new CubicSpline(x, y, options).`);
    const prep = prepareInput(fn, x, y, options?.axis ?? 0);
    const { data, r, trailing, axis } = prep.y;
    const bc = validateBC(fn, options?.bcType ?? "not-a-knot", data, prep.y.n, r, trailing, axis);
    const extrapolate: Extrapolate = checkExtrapolate(
      fn,
      options?.extrapolate ?? (bc[0] === "periodic" ? "periodic" : true),
    );
    const cf = splineCoefficients(prep.x, data, r, bc);
    super(new PPolyData(prep.x, cf, 4, r, trailing, extrapolate, axis));
  }
}

function validateBC(
  fn: string,
  bcType: unknown,
  y: Float64Array,
  n: number,
  r: number,
  trailing: number[],
  axis: number,
): [EndBC, EndBC] {
  let pair: readonly unknown[];
  if (typeof bcType === "string") {
    if (bcType === "periodic") {
      for (let j = 0; j < r; j++) {
        const a = y[j];
        const b = y[(n - 1) * r + j];
        if (!(Math.abs(a - b) <= 1e-15 + 1e-15 * Math.abs(b))) {
          throw rangeError(
            `${fn}: The first and last \`y\` point along axis ${axis} must be identical (within machine precision) when bc_type='periodic'; got ${a} and ${b}.`,
          );
        }
      }
    }
    pair = [bcType, bcType];
  } else if (Array.isArray(bcType)) {
    if (bcType.length !== 2)
      throw rangeError(
        `${fn}: \`bc_type\` must contain 2 elements to specify start and end conditions, got ${bcType.length}.`,
      );
    if (bcType.includes("periodic")) {
      throw rangeError(
        `${fn}: 'periodic' \`bc_type\` is defined for both curve ends and cannot be used with other boundary conditions.`,
      );
    }
    pair = bcType;
  } else {
    throw rangeError(
      `${fn}: bcType must be "not-a-knot", "natural", "clamped", "periodic" or [start, end], got ${JSON.stringify(bcType)}.`,
    );
  }
  return pair.map((bc): EndBC => {
    if (typeof bc === "string") {
      if (bc === "clamped") return { order: 1, value: new Float64Array(r) };
      if (bc === "natural") return { order: 2, value: new Float64Array(r) };
      if (bc === "not-a-knot" || bc === "periodic") return bc;
      throw rangeError(
        `${fn}: bc_type=${bc} is not allowed. Use "not-a-knot", "natural", "clamped", "periodic" or [order, value].`,
      );
    }
    if (!Array.isArray(bc) || bc.length !== 2) {
      throw rangeError(
        `${fn}: A specified derivative value must be given in the form (order, value), got ${JSON.stringify(bc)}.`,
      );
    }
    const [order, value] = bc;
    if (order !== 1 && order !== 2)
      throw rangeError(
        `${fn}: The specified derivative order must be 1 or 2, got ${JSON.stringify(order)}.`,
      );
    const v = toArray(fn, "bcType value", value);
    if (v.shape.length !== trailing.length || v.shape.some((d, i) => d !== trailing[i])) {
      throw new ShapeError(
        `${fn}: \`deriv_value\` shape ${pyShape(v.shape)} is not the expected one ${pyShape(trailing)}.`,
      );
    }
    return { order, value: Float64Array.from(v.toTypedArray()) };
  }) as [EndBC, EndBC];
}
