import type { NDArray } from "@nabla/ndarray";
import scipyFixture from "./fixtures/optimize.scipy.json" with { type: "json" };
import { rosen, rosenDer, rosenHess } from "./helpers.js";
import { problems } from "./problems.js";

export interface Fns {
  f: (x: NDArray) => number;
  grad: (x: NDArray) => number[];
  hess: (x: NDArray) => number[][];
}

export function problemFns(name: string): Fns {
  if (name.startsWith("rosen")) return { f: rosen, grad: rosenDer, hess: rosenHess };
  const p = problems[name as keyof typeof problems];
  return {
    f: (x) => p.f(x.toTypedArray()),
    grad: (x) => p.grad(x.toTypedArray()),
    hess: (x) => p.hess(x.toTypedArray()),
  };
}

export interface ScipyCase {
  problem: string;
  method: string;
  jac: boolean;
  hess: boolean;
  x0: number[];
  bounds?: number[][];
  expected: {
    x: number[];
    fun: number;
    success: boolean;
    status: number;
    message: string;
    nit?: number;
    nfev?: number;
    njev?: number;
    nhev?: number;
  };
}

/** Golden-file floats: "nan", "inf" and "-inf" are strings. */
export function num(v: number | string): number {
  if (typeof v === "number") return v;
  return v === "nan"
    ? Number.NaN
    : v === "inf"
      ? Number.POSITIVE_INFINITY
      : Number.NEGATIVE_INFINITY;
}

export const scipyCases = (scipyFixture.cases as unknown as ScipyCase[]).map((c) => ({
  ...c,
  expected: { ...c.expected, fun: num(c.expected.fun), x: c.expected.x.map(num) },
}));

export function caseName(c: ScipyCase): string {
  return `${c.problem} ${c.method}${c.jac ? " jac" : ""}${c.hess ? "+hess" : ""}${c.bounds ? " bounds" : ""}`;
}
