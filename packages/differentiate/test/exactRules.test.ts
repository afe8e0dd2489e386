import type { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { Derivative, Gradient, Hessdiag, Hessian, Jacobian } from "../src/index.js";
import exact from "./fixtures/numdifftools-exact-rules.json" with { type: "json" };
import { decode, elementwise, flat, ofVector, SCALAR, VECTOR } from "./functions.js";

// numdifftools 0.10.1 run with its pinv replaced by an exact inverse rounded once — the rules nabla
// uses — on functions JS evaluates bit-identically to numpy. Everything must agree to the last bit,
// which pins down steps, differences, rule application order, Richardson, dea3 and the choice.
describe("bit-for-bit agreement with numdifftools given the same rules", () => {
  it.each(exact.Derivative.map((c) => [c.name, c] as const))("Derivative %s", (_, c) => {
    const r = Derivative(elementwise(SCALAR[c.f]), { ...(c.options as object), fullOutput: true })(
      c.x as never,
    );
    expect(flat(r.estimate)).toEqual(flat(decode(c.estimate)));
    expect(flat(r.errorEstimate)).toEqual(flat(decode(c.errorEstimate)));
    expect(flat(r.finalStep)).toEqual(flat(decode(c.finalStep)));
    if (c.bestIndex !== null) expect(r.bestIndex).toBe(c.bestIndex);
  });

  const classes = { Gradient, Jacobian, Hessdiag, Hessian } as const;
  for (const key of ["Gradient", "Jacobian", "Hessdiag", "Hessian"] as const) {
    it.each(exact[key].map((c) => [c.name, c] as const))(`${key} %s`, (_, c) => {
      const make = classes[key] as (
        f: (v: NDArray) => unknown,
        o: object,
      ) => (x: unknown) => { estimate: unknown; errorEstimate: unknown; finalStep: unknown };
      const r = make(ofVector(VECTOR[c.f]), { ...c.options, fullOutput: true })(c.x);
      expect(flat(r.estimate)).toEqual(flat(decode(c.estimate)));
      expect(flat(r.errorEstimate)).toEqual(flat(decode(c.errorEstimate)));
      expect(flat(r.finalStep)).toEqual(flat(decode(c.finalStep)));
    });
  }
});
