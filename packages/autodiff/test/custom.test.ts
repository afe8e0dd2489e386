import { describe, expect, it } from "vitest";
import {
  checkGrads,
  customJvp,
  customVjp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  makeJaxpr,
  np,
  type Tracer,
  type Value,
  vmap,
} from "../src/index.js";

describe("customJvp", () => {
  // log(1 + e^x): the naive derivative e^x / (1 + e^x) is NaN for large x (inf / inf).
  const sigmoid = (x: Value) => np.divide(1, np.add(1, np.exp(np.negative(x))));
  const softplus = customJvp(
    (x: Tracer) => np.log1p(np.exp(x)),
    ([x], [t]) => [softplus(x), np.multiply(t, sigmoid(x))],
  );

  it("is used by forward and reverse mode", () => {
    expect(grad((x: Tracer) => np.log1p(np.exp(x)))(1000)).toBeNaN();
    expect(grad(softplus)(1000)).toBe(1);
    expect(jvp(softplus, [1000], [2])[1]).toBe(2);
    expect(jacfwd(softplus)(0)).toBe(0.5);
    expect(jacrev(softplus)(0)).toBe(0.5);
  });

  it("composes: second derivatives, vmap, checkGrads", () => {
    const s = 1 / (1 + Math.exp(-0.3));
    expect(grad(grad(softplus))(0.3)).toBeCloseTo(s * (1 - s), 15);
    expect(hessian(softplus)(0.3)).toBeCloseTo(s * (1 - s), 15);
    expect(vmap(grad(softplus))(np.array([0, 1000])).toArray()).toEqual([0.5, 1]);
    checkGrads(softplus, [np.array([-0.5, 0.2, 1.5])], { order: 2 });
  });

  it("defjvp sets the rule after the fact; without a rule it is f", () => {
    const f = customJvp((x: Tracer) => np.sin(x));
    expect(grad(f)(0)).toBe(1);
    f.defjvp(([x], [t]) => [np.sin(x), np.multiply(t, 10)]);
    expect(grad(f)(0)).toBe(10);
    expect(() => f([1, 2])).toThrow("no pytrees");
  });
});

describe("customVjp", () => {
  const clipGrad = customVjp(
    (x: Tracer) => x,
    (x) => [x, null],
    (_r, ct) => [np.clip(ct, -1, 1)],
  );

  it("its backward rule replaces the derivative", () => {
    expect(grad((x: Tracer) => np.multiply(clipGrad(x), 10))(2)).toBe(1);
    expect(grad((x: Tracer) => np.multiply(clipGrad(x), 0.5))(2)).toBe(0.5);
    expect(jacrev((x: Tracer) => np.multiply(clipGrad(x), 3))(np.array([1, 2])).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it("residuals flow from fwd to bwd; the rule is differentiable again", () => {
    const cube = customVjp(
      (x: Tracer) => np.power(x, 3),
      (x) => [np.power(x, 3), x],
      (x: Value, ct) => [np.multiply(ct, np.multiply(3, np.multiply(x, x)))],
    );
    expect(grad(cube)(2)).toBe(12);
    expect(grad(grad(cube))(2)).toBe(12);
    expect(hessian(cube)(2)).toBe(12);
  });

  it("forward mode is an error, as in jax", () => {
    expect(() => jvp(clipGrad, [1], [1])).toThrow("can't apply forward-mode autodiff");
  });
});

describe("makeJaxpr", () => {
  it("prints the traced program", () => {
    const text = String(makeJaxpr((x: Tracer) => np.sin(np.multiply(x, 2)))(1));
    expect(text).toBe(
      [
        "{ lambda ; a:f64[]. let",
        "    b:f64[] = multiply a 2.0",
        "    c:f64[] = sin b",
        "  in (c) }",
      ].join("\n"),
    );
  });

  it("prints the derivative program of grad(f): the chain rule, line by line", () => {
    const j = makeJaxpr(grad((x: Tracer) => np.sin(np.multiply(x, 2))))(1);
    expect(j.eqns.map((e) => e.prim.name)).toEqual([
      "multiply",
      "sin",
      "cos",
      "multiply",
      "multiply",
    ]);
    expect(String(j)).toContain("d:f64[] = cos b");
    expect(j.outvars).toEqual(["f"]);
  });

  it("shows shapes, parameters and constants", () => {
    const j = makeJaxpr((x: Tracer) =>
      np.sum(
        np.matmul(
          np.array([
            [1, 2],
            [3, 4],
          ]),
          x,
        ),
        { axis: 0 },
      ),
    )(np.ones([2, 3]));
    expect(j.invars).toEqual(["a:f64[2,3]"]);
    expect(j.constvars).toEqual(["b:f64[2,2]"]);
    expect(String(j)).toContain("reduceSum[axes=[0]]");
    expect(j.eqns.at(-1)?.outType).toBe("f64[3]");
  });
});
