import { inspect } from "node:util";
import { array, DTypeError, NablaError, ShapeError } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import {
  checkGrads,
  grad,
  jacfwd,
  jacrev,
  jvp,
  np,
  type Tracer,
  valueAndGrad,
  vjp,
  vmap,
} from "../src/index.js";

const sq = (x: Tracer) => np.power(x, 2);

describe("errors", () => {
  it("grad of an int32 or bool argument says how to convert", () => {
    const msg =
      'grad requires real-valued inputs (dtype float64 or float32), but got int32. Convert with x.astype("float64").';
    expect(() => grad(sq)(array([1, 2], { dtype: "int32" }))).toThrow(msg);
    expect(() => grad(sq)(array([1, 2], { dtype: "int32" }))).toThrow(TypeError);
    expect(() => grad(sq)(array([1, 2], { dtype: "int32" }))).toThrow(DTypeError);
    expect(() => grad(sq)(array(true))).toThrow("but got bool");
    expect(() => jacfwd(sq)(array([1], { dtype: "int32" }))).toThrow(
      "jacfwd requires real-valued inputs",
    );
    expect(() => jacrev(sq)(array([1], { dtype: "int32" }))).toThrow(
      "jacrev requires real-valued inputs",
    );
  });

  it("a plain JS array argument is a TypeError pointing to np.array", () => {
    expect(() => grad(sq)([1.5, 2.0] as never)).toThrow(TypeError);
    expect(() => grad(sq)([1.5, 2.0] as never)).toThrow("wrap it with np.array");
    expect(() => jacfwd(sq)([1.5, 2.0] as never)).toThrow("wrap it with np.array");
  });

  it("grad of a non-scalar output names the shape and points to vmap/jacrev", () => {
    const f = () => grad(sq)(np.array([1.5, 2.0]));
    expect(f).toThrow(TypeError);
    expect(f).toThrow(
      "grad: the function must return a scalar, but it returned shape [2]. For one derivative per element use vmap(grad(f)); for a Jacobian use jacrev(f).",
    );
    expect(() => grad(sq)(np.array([1.5]))).toThrow("np.reshape(out, [])");
    expect(() => grad((_x: number) => [1, 2])(1)).toThrow("a JS array of length 2");
    expect(() => grad((x: Tracer) => np.greater(x, 0))(1)).toThrow("requires real-valued outputs");
  });

  it("argnums out of range", () => {
    expect(() => grad(sq, { argnums: 1 })(1)).toThrow(
      "grad: differentiating with respect to argnums=1 requires at least 2 positional arguments to be passed by the caller, but got only 1 positional arguments.",
    );
    expect(() => grad(sq, { argnums: [0, 0] })(1)).toThrow("repeated");
  });

  it("unknown options are rejected", () => {
    expect(() => grad(sq, { argnum: 0 } as never)).toThrow('grad: unknown option "argnum"');
    expect(() => vmap(sq, { in_axes: 0 } as never)).toThrow('vmap: unknown option "in_axes"');
    expect(() => valueAndGrad(sq, { has_aux: true } as never)).toThrow(RangeError);
  });

  it("JS operators on tracers throw instead of silently dropping the derivative", () => {
    expect(() => grad((x: Tracer) => (x as unknown as number) * 2)(1)).toThrow("cannot be traced");
    expect(() => grad((x: Tracer) => (x as unknown as number) ** 2)(1)).toThrow(TypeError);
    let label = "";
    grad((x: Tracer) => {
      label = `${x}`;
      return x;
    })(1);
    expect(label).toBe("Tracer<float64[]>");
    let shown = "";
    grad((x: Tracer) => {
      shown = inspect(x);
      return x;
    })(0.5);
    expect(shown).toBe("Tracer<float64[]>");
  });

  it("item() gives the concrete value for control flow, but not inside vmap", () => {
    const f = (x: Tracer) => (x.item() > 0 ? np.sin(x) : np.cos(x));
    expect(grad(f)(0.5)).toBeCloseTo(Math.cos(0.5), 15);
    expect(grad(f)(-0.5)).toBeCloseTo(Math.sin(0.5), 15);
    expect(() => vmap(f)(np.array([1, 2]))).toThrow("depends on a vmapped axis");
  });

  it("jvp argument checks", () => {
    expect(() => jvp(sq, 1 as never, [1])).toThrow("jvp: primals and tangents must be arrays");
    expect(() => jvp(sq, [np.array([1, 2])], [np.array([1, 2, 3])])).toThrow(ShapeError);
    expect(() => jvp(sq, [np.array([1, 2])], [np.array([1, 2, 3])])).toThrow(
      "jvp called with different primal and tangent shapes",
    );
    expect(() => jvp((a: Tracer) => a, [[1, 2]] as never, [[1]] as never)).toThrow(
      "same structure",
    );
  });

  it("vjp cotangent shape must match the output", () => {
    const [, pull] = vjp(sq, np.array([1, 2]));
    expect(() => pull(np.array([1, 2, 3]))).toThrow("does not match the output shape [2]");
  });

  it("vmap axis errors", () => {
    expect(() => vmap(sq)(3)).toThrow("its rank should be at least 1, but is only 0");
    expect(() =>
      vmap((a: Tracer, b: Tracer) => np.add(a, b))(np.zeros([3]), np.zeros([4])),
    ).toThrow("vmap got inconsistent sizes for array axes to be mapped");
    expect(() => vmap(sq, { inAxes: [0, 0] })(np.zeros([3]))).toThrow(
      "inAxes of length 2 for 1 arguments",
    );
    expect(() => vmap(sq, { inAxes: null })(np.zeros([3]))).toThrow("axisSize must be specified");
    expect(() => vmap(sq, { inAxes: 2 })(np.zeros([3]))).toThrow("out of bounds");
    expect(() => vmap(sq, { outAxes: null })(np.zeros([3]))).toThrow(
      "outAxes null but the output was batched",
    );
  });

  it("checkGrads reports a wrong derivative", () => {
    const wrong = (x: Tracer) => np.add(np.sin(x), np.multiply(0, np.stopGradient(np.exp(x))));
    expect(() => checkGrads(wrong, [0.3])).not.toThrow();
    const broken = (x: Tracer) => np.multiply(x, np.stopGradient(x));
    expect(() => checkGrads(broken, [0.7], { modes: ["fwd"] })).toThrow(
      "jvp does not match finite differences",
    );
    expect(() => checkGrads(broken, [0.7], { modes: ["rev"] })).toThrow(
      "vjp does not match finite differences",
    );
    expect(() => checkGrads(broken, [0.7], { order: 0 })).toThrow(RangeError);
    expect(() => checkGrads(broken, [0.7], { modes: ["sideways" as "fwd"] })).toThrow(RangeError);
  });

  it("shape arguments are checked as ndarray checks them, eagerly and under a transform", () => {
    const rows = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const x = array(rows);
    const batch = array([rows, rows]);
    const cases: [string, (v: Tracer) => Tracer][] = [
      ["reshape: can only specify one unknown dimension (-1).", (v) => np.reshape(v, [-1, -1])],
      [
        "slice: an index can only have a single ellipsis ('...').",
        (v) => np.slice(v, "...", "..."),
      ],
      ["flip: repeated axis in [1,-1].", (v) => np.flip(v, { axis: [1, -1] })],
      ["transpose: axes [1,1] are not a permutation of 2 axes.", (v) => np.transpose(v, [1, 1])],
      ["squeeze: repeated axis in [0,0].", (v) => np.squeeze(np.reshape(v, [1, 2, 3]), [0, 0])],
      [
        "broadcastTo: the target shape [-1,3] must have non-negative integer lengths.",
        (v) => np.broadcastTo(v, [-1, 3]),
      ],
    ];
    for (const [message, f] of cases) {
      expect(() => f(x as unknown as Tracer)).toThrow(message);
      expect(() => grad((v: Tracer) => np.sum(f(v)))(x)).toThrow(message);
      expect(() => vmap(f)(batch)).toThrow(message);
    }
  });

  it("every error is a NablaError", () => {
    try {
      grad(sq)([1, 2] as never);
    } catch (e) {
      expect(NablaError.isInstance(e)).toBe(true);
    }
    expect.assertions(1);
  });
});
