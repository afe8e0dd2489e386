import { NDArray } from "@nabla/ndarray";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ConcreteArgs,
  type ConcreteOf,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  np,
  type Tracer,
  valueAndGrad,
  vjp,
  vmap,
} from "../src/index.js";

// The transforms' result types follow the user's function (checked by tsc), and the runtime
// values are what the types say (checked here).

const f = (x: Tracer) => np.power(x, 2);
const F = (X: Tracer) => {
  const [x, y] = X;
  return np.array([x.pow(2).mul(y), x.mul(5).add(np.sin(y))]);
};
const rosen = (X: Tracer) => {
  const [x, y] = X;
  return np.add(
    np.power(np.subtract(1, x), 2),
    np.multiply(100, np.power(np.subtract(y, np.power(x, 2)), 2)),
  );
};

describe("Tracer parameters become concrete values", () => {
  it("ConcreteOf maps tracers in pytrees to number | NDArray", () => {
    expectTypeOf<ConcreteOf<Tracer>>().toEqualTypeOf<number | NDArray>();
    expectTypeOf<ConcreteArgs<[Tracer, { w: Tracer; n: number }]>>().toEqualTypeOf<
      [number | NDArray, { w: number | NDArray; n: number }]
    >();
    expectTypeOf<ConcreteOf<readonly Tracer[]>>().toEqualTypeOf<readonly (number | NDArray)[]>();
    expectTypeOf(grad(f)).parameter(0).toEqualTypeOf<number | NDArray | Tracer>();
    expectTypeOf(vmap(f)).parameter(0).toEqualTypeOf<number | NDArray | Tracer>();
  });
});

describe("the lecture's calls need no casts", () => {
  it("grad(x => x**2)(10) is a number", () => {
    const d = grad(f)(10);
    expectTypeOf(d).toEqualTypeOf<number>();
    expect(d).toBe(20);
  });

  it("grad of an array argument is an NDArray", () => {
    const g = grad(rosen)(np.array([1, 0]));
    expectTypeOf(g).toEqualTypeOf<NDArray>();
    expect(g).toBeInstanceOf(NDArray);
    expect(g.toArray()).toEqual([400, -200]);
  });

  it("vmap(grad(f))(array) is an NDArray", () => {
    const out = vmap(grad(f))(np.array([1.5, 2, -2, 5]));
    expectTypeOf(out).toEqualTypeOf<NDArray>();
    expect(out).toBeInstanceOf(NDArray);
    expect(out.toArray()).toEqual([3, 4, -4, 10]);
  });

  it("jacfwd(F) and jacrev(F) at an array are NDArrays", () => {
    const J = jacfwd(F)(np.array([0.5, 0.5]));
    expectTypeOf(J).toEqualTypeOf<NDArray>();
    expect(J).toBeInstanceOf(NDArray);
    expect(J.shape).toEqual([2, 2]);
    const Jr = jacrev(F)(np.array([0.5, 0.5]));
    expectTypeOf(Jr).toEqualTypeOf<NDArray>();
    expect(np.allclose(J, Jr)).toBe(true);
  });

  it("hessian(rosen) at an array is an NDArray", () => {
    const H = hessian(rosen)(np.array([1, 1]));
    expectTypeOf(H).toEqualTypeOf<NDArray>();
    expect(H).toBeInstanceOf(NDArray);
    expect(H.toArray()).toEqual([
      [802, -400],
      [-400, 200],
    ]);
  });
});

describe("scalars, pytrees and options", () => {
  it("a scalar-in scalar-out Jacobian is typed number | NDArray and is a number", () => {
    const j = jacfwd(f)(3);
    expectTypeOf(j).toEqualTypeOf<number | NDArray>();
    expect(j).toBe(6);
    const h = hessian(f)(3);
    expectTypeOf(h).toEqualTypeOf<number | NDArray>();
    expect(h).toBe(2);
  });

  it("argnums picks the argument types, an array of argnums gives a tuple", () => {
    const g = (x: Tracer, y: Tracer) => np.sum(np.multiply(x, y));
    const x = np.array([1, 2]);
    const d1 = grad(g, { argnums: 1 })(x, 3);
    expectTypeOf(d1).toEqualTypeOf<number>();
    expect(d1).toBe(3);
    const both = grad(g, { argnums: [0, 1] })(x, 3);
    expectTypeOf(both).toEqualTypeOf<[NDArray, number]>();
    expect(both[0].toArray()).toEqual([3, 3]);
    expect(both[1]).toBe(3);
    const Jx = jacfwd(g, { argnums: [1] })(x, 3);
    expectTypeOf(Jx).toEqualTypeOf<[number | NDArray]>();
    expect(Jx).toEqual([3]);
  });

  it("a pytree argument gives a gradient of the same structure", () => {
    const loss = (p: { w: Tracer; b: Tracer }) => np.sum(np.add(np.multiply(p.w, 2), p.b));
    const g = grad(loss)({ w: np.array([1, 2]), b: 0.5 });
    expectTypeOf(g).toEqualTypeOf<{ w: NDArray; b: number }>();
    expect(g.w.toArray()).toEqual([2, 2]);
    expect(g.b).toBe(2);
  });

  it("valueAndGrad and hasAux are tuples", () => {
    const [v, d] = valueAndGrad(f)(3);
    expectTypeOf(v).toEqualTypeOf<number>();
    expectTypeOf(d).toEqualTypeOf<number>();
    expect([v, d]).toEqual([9, 6]);
    const withAux = (x: Tracer) => [np.sin(x), { label: 7 }] as const;
    const [g, aux] = grad(withAux, { hasAux: true })(0);
    expectTypeOf(g).toEqualTypeOf<number>();
    expectTypeOf(aux).toEqualTypeOf<{ readonly label: 7 }>();
    expect([g, aux.label]).toEqual([1, 7]);
    const [[v2, aux2], g2] = valueAndGrad(withAux, { hasAux: true })(0);
    expectTypeOf(v2).toEqualTypeOf<number>();
    expect([v2, g2, aux2.label]).toEqual([0, 1, 7]);
  });

  it("jvp and vjp return typed tuples", () => {
    const [y, t] = jvp(f, [3], [1]);
    expectTypeOf(y).toEqualTypeOf<number | NDArray>();
    expectTypeOf(t).toEqualTypeOf<number | NDArray>();
    expect([y, t]).toEqual([9, 6]);
    const [out, pull] = vjp(f, np.array([1, 2]));
    expectTypeOf(out).toEqualTypeOf<number | NDArray>();
    const [ct] = pull(np.array([1, 1]));
    expectTypeOf(ct).toEqualTypeOf<NDArray>();
    expect(ct.toArray()).toEqual([2, 4]);
  });

  it("vmap of a function returning a pytree gives NDArray leaves", () => {
    const pair = (x: Tracer) => ({ sq: np.multiply(x, x), one: 1 });
    const r = vmap(pair)(np.array([1, 2]));
    expectTypeOf(r).toEqualTypeOf<{ sq: NDArray; one: NDArray }>();
    expect(r.sq.toArray()).toEqual([1, 4]);
    expect(r.one.toArray()).toEqual([1, 1]);
    const loose = vmap(pair, { outAxes: { sq: 0, one: null } })(np.array([1, 2]));
    expectTypeOf(loose).toEqualTypeOf<{ sq: number | NDArray; one: number | NDArray }>();
    expect(loose.one).toBe(1);
  });

  it("a transformed function still accepts tracers inside another transform", () => {
    const outer = grad((x: Tracer) => {
      const inner = grad(f)(x);
      expectTypeOf(inner).toEqualTypeOf<Tracer>();
      return np.multiply(inner, x);
    });
    expect(outer(3)).toBe(12);
  });
});

describe("functions of np's generic signatures", () => {
  it("grad(np.sin) takes numbers and gives numbers", () => {
    const d = grad(np.sin)(0);
    expectTypeOf(d).toEqualTypeOf<number>();
    expect(d).toBe(1);
    expectTypeOf<ConcreteOf<[Float64Array, Tracer]>>().toEqualTypeOf<
      [Float64Array, number | NDArray]
    >();
  });
});
