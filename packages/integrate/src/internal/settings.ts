import { type ArrayLike, asarray, rangeError, typeError } from "@nabla/ndarray";

const EPS50 = 50 * 2.220446049250313e-16;

/** The tolerance options every quad level accepts. */
export interface ToleranceOptions {
  epsabs?: number;
  epsrel?: number;
  limit?: number;
  points?: ArrayLike;
}

/** Validated tolerances and limit, shared by quad and the multiple integrals. */
export interface QuadSettings {
  epsabs: number;
  epsrel: number;
  limit: number;
  points: number[] | undefined;
}

/** Checks quad's options; `fn` names the public caller in messages. */
export function quadSettings(fn: string, options: ToleranceOptions | undefined): QuadSettings {
  const epsabs = options?.epsabs ?? 1.49e-8;
  const epsrel = options?.epsrel ?? 1.49e-8;
  const limit = options?.limit ?? 50;
  if (typeof epsabs !== "number" || Number.isNaN(epsabs)) {
    throw rangeError(`${fn}: epsabs must be a number, got ${String(epsabs)}.`);
  }
  if (typeof epsrel !== "number" || Number.isNaN(epsrel)) {
    throw rangeError(`${fn}: epsrel must be a number, got ${String(epsrel)}.`);
  }
  if (epsabs <= 0 && epsrel < Math.max(EPS50, 5e-29)) {
    throw rangeError(
      `${fn}: If 'epsabs'<=0, 'epsrel' must be greater than both 5e-29 and 50*(machine epsilon), got epsabs=${epsabs}, epsrel=${epsrel}.`,
    );
  }
  if (typeof limit !== "number" || !Number.isInteger(limit)) {
    throw rangeError(`${fn}: limit must be an integer, got ${String(limit)}.`);
  }
  if (limit < 1) {
    throw rangeError(
      `${fn}: Invalid 'limit' argument. There must be at least one subinterval (limit >= 1), got ${limit}.`,
    );
  }
  let points: number[] | undefined;
  if (options?.points !== undefined && options.points !== null) {
    const p = asarray(options.points);
    points = Array.from(p.ravel().toTypedArray(), Number);
    if (points.some(Number.isNaN)) throw rangeError(`${fn}: points must not contain NaN.`);
  }
  return { epsabs, epsrel, limit, points };
}

/** A finite or infinite bound; NaN and non-numbers are rejected. */
export function checkBound(fn: string, name: string, value: unknown): void {
  if (typeof value !== "number") {
    throw typeError(`${fn}: the bound ${name} must be a number, got ${typeof value}.`);
  }
  if (Number.isNaN(value)) throw rangeError(`${fn}: the bound ${name} is NaN.`);
}

/** scipy's `args`: extra arguments for the integrand. */
export function checkArgs(fn: string, args: unknown): number[] | undefined {
  if (args === undefined || args === null) return undefined;
  if (!Array.isArray(args)) {
    throw typeError(
      `${fn}: args must be an array of extra arguments for the integrand, got ${typeof args}.`,
    );
  }
  return [...args];
}
