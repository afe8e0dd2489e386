import { type NDArray, ShapeError } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { grad, np, type Tracer, vmap } from "../src/index.js";

const arr = (x: unknown) => (x as NDArray).toArray();

describe("np argument errors", () => {
  it("shapes", () => {
    expect(() => np.reshape(np.zeros([2, 3]), [4, 2])).toThrow(ShapeError);
    expect(() => np.reshape(np.zeros([2, 3]), [4, -1])).toThrow(
      "cannot reshape array of size 6 into shape [4,-1]",
    );
    expect(() => np.broadcastTo(np.zeros([3]), [2, 4])).toThrow(
      "cannot broadcast shape [3] to [2,4]",
    );
    expect(() => np.transpose(np.zeros([2, 3]), [0, 0])).toThrow("not a permutation");
    expect(() => np.squeeze(np.zeros([2, 3]), 0)).toThrow("size not equal to one");
    expect(() => np.slice(np.zeros([2]), 0, 0)).toThrow("too many indices");
    expect(() => np.unstack(np.array(1))).toThrow("cannot unstack a 0-d array");
    expect(() => np.pad(np.zeros([2]), [[-1, 0]])).toThrow("non-negative integers");
    expect(() =>
      np.pad(np.zeros([2, 2]), [
        [1, 0],
        [1, 0],
        [1, 0],
      ]),
    ).toThrow("expected 2 [before, after] pairs");
  });

  it("joining", () => {
    expect(() => np.concatenate([])).toThrow("need at least one array");
    expect(() => np.concatenate([np.array(1), np.array(2)])).toThrow(
      "zero-dimensional arrays cannot be concatenated",
    );
    expect(() => np.concatenate([np.zeros([2, 2]), np.zeros([3, 3])])).toThrow(ShapeError);
    expect(() => np.stack([np.zeros([2]), np.zeros([3])])).toThrow("must have the same shape");
    expect(() => np.stack([])).toThrow("need at least one array");
  });

  it("linear algebra", () => {
    expect(() => np.matmul(2, np.zeros([2]))).toThrow("use np.multiply for scalars");
    expect(() => np.matmul(np.zeros([2, 3]), np.zeros([2]))).toThrow(
      "contracted dimensions differ",
    );
    expect(() => np.dot(np.zeros([2, 2, 2]), np.zeros([2]))).toThrow("use np.matmul");
    expect(() => np.linalg.det(np.zeros([2, 3]))).toThrow("square matrices");
    expect(() => np.linalg.norm(np.zeros([2]), "fro")).toThrow('ord "fro" needs a matrix');
    expect(() => np.linalg.norm(np.zeros([2]), 0)).toThrow("not differentiable");
    expect(() => np.linalg.norm(np.zeros([2, 2]), 3)).toThrow("not supported");
  });

  it("options and operands", () => {
    expect(() => np.sum(np.zeros([2]), { axes: 0 } as never)).toThrow('sum: unknown option "axes"');
    expect(() => np.sum(np.zeros([2]), { axis: 1 })).toThrow("out of bounds");
    expect(() => np.sum(np.zeros([2, 2]), { axis: [0, 0] })).toThrow("repeated axis");
    expect(() => np.sin("x" as never)).toThrow(TypeError);
    expect(() => vmap((x: Tracer) => np.argmax(x))(np.zeros([2, 2]))).toThrow("vmap cannot batch");
    expect(() => vmap((x: Tracer) => np.allclose(x, 0))(np.zeros([2, 2]))).toThrow(
      "cannot be used on a value batched by vmap",
    );
  });
});

describe("np values", () => {
  it("computes eagerly with numpy's results", () => {
    expect(arr(np.pad(np.array([1, 2]), [[1, 2]]))).toEqual([0, 1, 2, 0, 0]);
    expect(
      arr(
        np.flip(
          np.array([
            [1, 2],
            [3, 4],
          ]),
          { axis: 1 },
        ),
      ),
    ).toEqual([
      [2, 1],
      [4, 3],
    ]);
    expect(arr(np.hstack([np.array([1]), np.array([2, 3])]))).toEqual([1, 2, 3]);
    expect(arr(np.vstack([np.array([1, 2]), np.array([3, 4])]))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(
      arr(
        np.cumsum(
          np.array([
            [1, 2],
            [3, 4],
          ]),
        ),
      ),
    ).toEqual([1, 3, 6, 10]);
    expect(np.argmax(np.array([1, 3, 2]))).toBe(1);
    expect(np.argmin(np.array([1, 3, 0]))).toBe(2);
    expect(arr(np.outer(np.array([1, 2]), np.array([3, 4])))).toEqual([
      [3, 4],
      [6, 8],
    ]);
    expect(arr(np.clip(np.array([-1, 0.5, 5]), 0, 1))).toEqual([0, 0.5, 1]);
    expect(np.allclose(np.hypot(3, 4), 5)).toBe(true);
    expect(arr(np.zerosLike(np.array([1, 2])))).toEqual([0, 0]);
    expect(arr(np.fullLike(np.array([1, 2]), 7))).toEqual([7, 7]);
    expect(np.asarray(np.array([1, 2]), { dtype: "float32" }).dtype).toBe("float32");
  });

  it("a tracer has its value's shape, ndim and size (also inside vmap)", () => {
    const seen: number[][] = [];
    const f = (x: Tracer) => {
      seen.push([...x.shape, x.ndim, x.size]);
      return np.sum(x);
    };
    grad(f)(np.zeros([2, 3]));
    vmap(f)(np.zeros([4, 2, 3]));
    expect(seen).toEqual([
      [2, 3, 2, 6],
      [2, 3, 2, 6],
    ]);
  });

  it("argmax works on the concrete value inside grad", () => {
    const f = (x: Tracer) => np.slice(x, np.argmax(x) as number);
    expect(arr(grad(f)(np.array([1, 5, 2])))).toEqual([0, 1, 0]);
  });

  it("np.array stacks tracers (derivatives flow), and tracers iterate over their first axis", () => {
    const f = (X: Tracer) => {
      const [a, b] = X;
      return np.sum(
        np
          .array([
            [a, b],
            [b, a],
          ])
          .mul(
            np.array([
              [1, 2],
              [3, 4],
            ]),
          ),
      );
    };
    expect(arr(grad(f)(np.array([1, 1])))).toEqual([5, 5]);
    expect(() => grad((x: Tracer) => [...x])(1)).toThrow("iteration over a 0-d array");
  });
});
