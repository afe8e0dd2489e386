import type { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import {
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  np,
  stopGradient,
  type Tracer,
  valueAndGrad,
  vjp,
  vmap,
} from "../src/index.js";
import { close } from "./helpers.js";

const arr = (x: unknown) => (x as NDArray).toArray();

describe("nested transforms", () => {
  it("grad(grad(grad(sin))) is -cos", () => {
    const d3 = grad(grad(grad((x: Tracer) => np.sin(x))));
    for (const x of [0.1, 0.7, 2.3]) expect(d3(x)).toBeCloseTo(-Math.cos(x), 14);
  });

  it("has no perturbation confusion: d/dx [x · d/dy (x + y)] = 1", () => {
    const f = (x: Tracer) => x.mul(grad((y: Tracer) => x.add(y))(1.0));
    expect(grad(f)(2.0)).toBe(1);
    // the same with forward mode outside and inside
    const g = (x: Tracer) => x.mul(jvp((y: Tracer) => x.add(y), [1.0], [1.0])[1]);
    expect(jvp(g, [2.0], [1.0])[1]).toBe(1);
    expect(jacfwd(f)(2.0)).toBe(1);
  });

  it("hessian = jacfwd(jacrev) = jacrev(jacfwd) = jacfwd(jacfwd) = jacrev(jacrev)", () => {
    const f = (x: Tracer) => np.sum(np.sin(x).mul(np.exp(x.slice("::-1"))));
    const x = np.array([0.3, -0.2, 0.9]);
    const h = hessian(f)(x);
    for (const other of [jacrev(jacfwd(f)), jacfwd(jacfwd(f)), jacrev(jacrev(f))]) {
      expect(close(other(x), h, 1e-12, 1e-14)).toBe(true);
    }
  });

  it("vmap(grad(f)) and grad inside vmap agree with a loop", () => {
    const f = (x: Tracer) => np.sin(x).mul(x);
    const xs = np.linspace(-1, 1, 7);
    const batched = vmap(grad(f))(xs);
    const loop = (xs.toArray() as number[]).map((x) => grad(f)(x));
    expect(close(batched, np.array(loop), 1e-15)).toBe(true);
  });

  it("jacfwd(vmap(f)) is diagonal for an elementwise f", () => {
    const J = jacfwd(vmap((x: Tracer) => np.exp(x)))(np.array([0, 1, 2]));
    expect(
      close(
        J,
        np.array([
          [1, 0, 0],
          [0, Math.E, 0],
          [0, 0, Math.E ** 2],
        ]),
        1e-15,
      ),
    ).toBe(true);
  });

  it("vmap(hessian(f)) gives one Hessian per row", () => {
    const rosen = (X: Tracer) => {
      const [x, y] = X;
      return np.add(np.subtract(1, x).pow(2), np.multiply(100, y.sub(x.pow(2)).pow(2)));
    };
    const H = vmap(hessian(rosen))(
      np.array([
        [1, 1],
        [0, 0],
      ]),
    ) as NDArray;
    expect(H.shape).toEqual([2, 2, 2]);
    expect(arr(H)).toEqual([
      [
        [802, -400],
        [-400, 200],
      ],
      [
        [2, 0],
        [0, 200],
      ],
    ]);
  });

  it("vmap of vmap matches an outer product", () => {
    const outer = vmap(
      vmap((a: Tracer, b: Tracer) => a.mul(b), { inAxes: [null, 0] }),
      { inAxes: [0, null] },
    );
    expect(arr(outer(np.array([1, 2]), np.array([3, 4, 5])))).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
  });

  it("grad through vmap and through jacrev", () => {
    const f = (w: Tracer) => np.sum(vmap((x: Tracer) => np.sin(w.mul(x)))(np.array([1, 2, 3])));
    const w = 0.4;
    const want = [1, 2, 3].reduce((s, x) => s + x * Math.cos(w * x), 0);
    expect(grad(f)(w)).toBeCloseTo(want, 14);
    const g = (x: Tracer) =>
      np.sum(jacrev((y: Tracer) => np.multiply(y, y).mul(x))(np.array([1, 2])));
    expect(grad(g)(3)).toBeCloseTo(6, 14);
  });

  it("derivatives are exact through JS loops and value-dependent branches", () => {
    const babylonian = (x: Tracer) => {
      let t = np.divide(np.add(1, x), 2);
      for (let i = 0; i < 12; i++) t = np.divide(np.add(t, np.divide(x, t)), 2);
      return t;
    };
    expect(grad(babylonian)(2)).toBeCloseTo(0.5 / Math.sqrt(2), 14);
    expect(grad(grad(babylonian))(2)).toBeCloseTo(-0.25 * 2 ** -1.5, 12);
  });
});

describe("IEEE semantics as jax", () => {
  it("sqrt'(0) = Infinity, (x**0.5)'(0) = Infinity, sqrt(x*x)'(0) = NaN, abs'(0) = 1", () => {
    expect(grad(np.sqrt)(0)).toBe(Infinity);
    expect(grad((x: Tracer) => x.pow(0.5))(0)).toBe(Infinity);
    expect(grad((x: Tracer) => np.sqrt(x.mul(x)))(0)).toBeNaN();
    expect(grad((x: Tracer) => np.sqrt(x.pow(2)))(0)).toBeNaN();
    expect(grad(np.abs)(0)).toBe(1);
    expect(jvp((x: Tracer) => np.sqrt(x.mul(x)), [0], [1])[1]).toBeNaN();
  });

  it("norm at the origin has a NaN gradient; where does not hide the NaN", () => {
    const g = grad((x: Tracer) => np.linalg.norm(x))(np.zeros([3]));
    expect((g.toArray() as number[]).every(Number.isNaN)).toBe(true);
    expect(grad((x: Tracer) => np.where(np.greater(x, 0), np.sqrt(x), 0))(0)).toBeNaN();
  });

  it("prod's gradient is exact where an element is 0 (no 0/0)", () => {
    const f = (x: Tracer) => np.prod(x);
    expect(arr(grad(f)(np.array([0, 2, 3])))).toEqual([6, 0, 0]);
    expect(arr(grad(f)(np.array([0, 0, 3])))).toEqual([0, 0, 0]);
    expect(arr(jacfwd(f)(np.array([0, 2, 3])))).toEqual([6, 0, 0]);
    expect(
      arr(
        grad((x: Tracer) => np.sum(np.prod(x, { axis: 1 })))(
          np.array([
            [0, 2],
            [3, 4],
          ]),
        ),
      ),
    ).toEqual([
      [2, 0],
      [4, 3],
    ]);
  });

  it("a gradient never shares memory with an argument", () => {
    const y = np.array([3, 4]);
    const g = grad((x: Tracer, c: NDArray) => np.sum(np.multiply(x, c)))(
      np.array([1, 2]),
      y,
    ) as NDArray;
    expect(g.toArray()).toEqual([3, 4]);
    expect(g.data).not.toBe(y.data);
    const x = np.array([5, 6]);
    const h = grad((a: Tracer) => np.sum(np.multiply(a, np.stopGradient(x))))(x) as NDArray;
    expect(h.data).not.toBe(x.data);
  });

  it("a float32 argument gets a float32 gradient", () => {
    const g = grad((x: Tracer) => np.sum(np.sin(x)))(
      np.array([1, 2], { dtype: "float32" }),
    ) as NDArray;
    expect(g.dtype).toBe("float32");
    expect(close(g, np.array([Math.cos(1), Math.cos(2)]), 1e-7)).toBe(true);
  });

  it("a float32 argument gets float32 Jacobians in both modes (a float64 one float64)", () => {
    const f = (x: Tracer) => np.sin(x);
    const x32 = np.array([1, 2], { dtype: "float32" });
    expect((jacfwd(f)(x32) as NDArray).dtype).toBe("float32");
    expect((jacrev(f)(x32) as NDArray).dtype).toBe("float32");
    expect((jacfwd(f)(np.array([1, 2])) as NDArray).dtype).toBe("float64");
    expect((jacrev(f)(np.array([1, 2])) as NDArray).dtype).toBe("float64");
  });

  it("x**0 has derivative 0 at 0 and d(x**y)/dy is 0 at x = 0", () => {
    expect(grad((x: Tracer) => x.pow(0))(0)).toBe(0);
    expect(grad((y: Tracer) => np.power(0, y))(2)).toBe(0);
  });

  it("maximum shares the derivative at ties", () => {
    expect(grad((x: Tracer) => np.maximum(x, 1))(1)).toBe(0.5);
    expect(grad((x: Tracer) => np.max(np.stack([x, x])))(1)).toBe(1);
  });
});

describe("pytrees and options", () => {
  it("grad with respect to an object of arrays returns the same structure", () => {
    const loss = (p: { w: Tracer; b: Tracer }, x: NDArray) =>
      np.sum(np.add(np.multiply(p.w, x), p.b).pow(2));
    const p = { w: np.array([1, 2]), b: 0.5 };
    const x = np.array([3, -1]);
    const g = grad(loss)(p, x) as { w: NDArray; b: number };
    // d/dw = 2 (w x + b) x ; d/db = 2 sum(w x + b)
    expect(arr(g.w)).toEqual([2 * 3.5 * 3, 2 * -1.5 * -1]);
    expect(g.b).toBe(2 * (3.5 - 1.5));
  });

  it("argnums as an array gives a tuple of gradients", () => {
    const f = (x: Tracer, y: Tracer, z: Tracer) => np.add(np.multiply(x, np.multiply(y, y)), z);
    expect(grad(f, { argnums: [0, 1] })(2, 3, 4)).toEqual([9, 12]);
    expect(grad(f, { argnums: 2 })(2, 3, 4)).toBe(1);
    expect(grad(f, { argnums: -1 })(2, 3, 4)).toBe(1);
  });

  it("hasAux passes the auxiliary value through", () => {
    const f = (x: Tracer) => [np.sin(x), { cos: np.cos(x), label: 7 }] as const;
    const [g, aux] = grad(f, { hasAux: true })(0.5);
    expect(g).toBeCloseTo(Math.cos(0.5), 15);
    expect(aux.cos).toBeCloseTo(Math.cos(0.5), 15);
    expect(aux.label).toBe(7);
    const [[v, aux2], g2] = valueAndGrad(f, { hasAux: true })(0.5);
    expect([v, g2, aux2.label]).toEqual([Math.sin(0.5), Math.cos(0.5), 7]);
    const [J, aux3] = jacfwd(f, { hasAux: true })(0.5);
    expect([J, aux3.label]).toEqual([Math.cos(0.5), 7]);
    const [, t, aux4] = jvp(f, [0.5], [2], { hasAux: true }) as [number, number, { label: number }];
    expect([t, aux4.label]).toEqual([2 * Math.cos(0.5), 7]);
  });

  it("jacobians of pytree inputs and outputs: output tree of input trees", () => {
    const f = (p: { a: Tracer; b: Tracer }) => ({ s: np.sum(p.a).mul(p.b), v: p.a.mul(2) });
    const p = { a: np.array([1, 2]), b: 3 };
    for (const jac of [jacfwd, jacrev]) {
      const J = jac(f)(p) as { s: { a: NDArray; b: number }; v: { a: NDArray; b: NDArray } };
      expect(arr(J.s.a)).toEqual([3, 3]);
      expect(J.s.b).toBe(3);
      expect(arr(J.v.a)).toEqual([
        [2, 0],
        [0, 2],
      ]);
      expect(arr(J.v.b)).toEqual([0, 0]);
    }
  });

  it("jacobian shapes are output shape + input shape", () => {
    const f = (x: Tracer) => np.reshape(np.concatenate([x, x]), [2, 2, 3]);
    const x = np.ones([2, 3]);
    expect(jacfwd(f)(x).shape).toEqual([2, 2, 3, 2, 3]);
    expect(jacrev(f)(x).shape).toEqual([2, 2, 3, 2, 3]);
    expect(hessian((y: Tracer) => np.sum(y.pow(3)))(x).shape).toEqual([2, 3, 2, 3]);
    expect(arr(hessian((y: Tracer) => np.sum(y.pow(3)))(np.array([1, 2])))).toEqual([
      [6, 0],
      [0, 12],
    ]);
  });

  it("jacrev of [x0, 5 x2, 4 x1² - 2 x2, x2 sin x0] at [1, 2, 3]", () => {
    const f = (x: Tracer) => {
      const [a, b, c] = x;
      return np.array([a, c.mul(5), b.pow(2).mul(4).sub(c.mul(2)), c.mul(np.sin(a))]);
    };
    const want = [
      [1, 0, 0],
      [0, 0, 5],
      [0, 16, -2],
      [3 * Math.cos(1), 0, Math.sin(1)],
    ];
    expect(close(jacrev(f)(np.array([1, 2, 3])), np.array(want), 1e-15)).toBe(true);
    expect(close(jacfwd(f)(np.array([1, 2, 3])), np.array(want), 1e-15)).toBe(true);
  });

  it("vjp returns one cotangent per primal; vjpFn can be reused", () => {
    const [out, pull] = vjp((x: Tracer, y: Tracer) => x.mul(y), 2, np.array([1, 2]));
    expect(arr(out)).toEqual([2, 4]);
    const [gx, gy] = pull(np.array([1, 1]));
    expect(gx).toBe(3);
    expect(arr(gy)).toEqual([2, 2]);
    expect(pull(np.array([1, 0]))[0]).toBe(1);
  });

  it("vmap inAxes/outAxes trees, unbatched outputs and axisSize", () => {
    const f = (p: { a: Tracer; b: Tracer }, c: Tracer) => [p.a.add(p.b), c];
    const out = vmap(f, { inAxes: [{ a: 1, b: null }, null], outAxes: [1, 0] })(
      {
        a: np.array([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        b: np.array([10, 20]),
      },
      7,
    ) as [NDArray, NDArray];
    expect(arr(out[0])).toEqual([
      [11, 12, 13],
      [24, 25, 26],
    ]);
    expect(arr(out[1])).toEqual([7, 7, 7]);
    expect(arr(vmap((_: number) => 1, { inAxes: null, axisSize: 2 })(0))).toEqual([1, 1]);
    expect(
      arr(
        vmap((x: Tracer) => x, { outAxes: -1 })(
          np.array([
            [1, 2],
            [3, 4],
          ]),
        ),
      ),
    ).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it("stopGradient blocks derivatives in every mode", () => {
    const f = (x: Tracer) => np.multiply(x, stopGradient(x));
    expect(grad(f)(3)).toBe(3);
    expect(jvp(f, [3], [1])[1]).toBe(3);
    expect(arr(vmap(grad(f))(np.array([1, 2])))).toEqual([1, 2]);
    expect(arr(np.stopGradient(np.array([1, 2])))).toEqual([1, 2]);
  });

  it("np functions run eagerly on concrete arrays and chain", () => {
    const x = np.array([1, 4, 9]);
    expect(arr(x.mul(2).pow(2).sqrt())).toEqual([2, 8, 18]);
    expect(np.sum(x)).toBe(14);
    // numpy's scalar results are JS numbers
    expect(np.mean(np.array([1, 2, 3, 4]))).toBe(2.5);
    expect(np.var(np.array([1, 2, 3, 4]))).toBe(1.25);
    expect(np.std(np.array([1, 2, 3, 4]), { ddof: 1 })).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(np.dot(np.array([1, 2]), np.array([3, 4]))).toBe(11);
    expect(np.inner(np.array([1, 2]), np.array([3, 4]))).toBe(11);
    expect(np.linalg.norm(np.array([3, 4]))).toBe(5);
    expect(np.linalg.norm(np.array([3, -4]), 1)).toBe(7);
    expect(np.linalg.norm(np.array([3, -4]), Infinity)).toBe(4);
    expect(
      np.linalg.norm(
        np.array([
          [1, -2],
          [3, 4],
        ]),
        1,
      ),
    ).toBe(6);
    expect(
      np.linalg.norm(
        np.array([
          [1, -2],
          [3, 4],
        ]),
        Infinity,
      ),
    ).toBe(7);
    expect(() =>
      np.linalg.norm(
        np.array([
          [1, 0],
          [0, 1],
        ]),
        2,
      ),
    ).toThrow("not supported");
    expect(
      arr(
        np.mean(
          np.array([
            [1, 2],
            [3, 4],
          ]),
          { axis: 0 },
        ),
      ),
    ).toEqual([2, 3]);
    expect(arr(np.sum(np.reshape(x, [1, 3]), { axis: 0 }))).toEqual([1, 4, 9]);
    const [a, b] = np.unstack(
      np.array([
        [1, 2],
        [3, 4],
      ]),
    );
    expect([arr(a), arr(b)]).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
