import * as nd from "@nabla/ndarray";
import type { Primitive } from "../core/primitive.js";
import type { Concrete } from "../core/value.js";
import { elementwiseBatch } from "./batching.js";

const ops = {
  equal: nd.equal,
  notEqual: nd.notEqual,
  less: nd.less,
  lessEqual: nd.lessEqual,
  greater: nd.greater,
  greaterEqual: nd.greaterEqual,
  logicalAnd: nd.logicalAnd,
  logicalOr: nd.logicalOr,
  logicalXor: nd.logicalXor,
  logicalNot: nd.logicalNot,
  isnan: nd.isnan,
  isinf: nd.isinf,
  isfinite: nd.isfinite,
} as const;

export interface CompareParams {
  op: keyof typeof ops;
}

/** Comparisons, logical operations and predicates: bool results, not differentiable. */
export const compare: Primitive<CompareParams> = {
  name: "compare",
  impl: (args, { op }) => (ops[op] as (...a: Concrete[]) => Concrete)(...args),
  jvp: () => null,
  vjp: (_ct, primals) => primals.map(() => null),
  batch: elementwiseBatch,
  show: (p) => p.op,
};
