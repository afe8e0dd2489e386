// The primitive table: every primitive with all of its rules. A primitive missing here, or
// missing a rule, is a compile error (see `Params` and the mapped type below).
import type { Primitive } from "../core/primitive.js";
import { abs } from "./abs.js";
import { add } from "./add.js";
import { arccos } from "./arccos.js";
import { arccosh } from "./arccosh.js";
import { arcsin } from "./arcsin.js";
import { arcsinh } from "./arcsinh.js";
import { arctan } from "./arctan.js";
import { arctan2 } from "./arctan2.js";
import { arctanh } from "./arctanh.js";
import type { BroadcastParams } from "./broadcastTo.js";
import { broadcastTo } from "./broadcastTo.js";
import { ceil } from "./ceil.js";
import type { CompareParams } from "./compare.js";
import { compare } from "./compare.js";
import type { ConcatenateParams } from "./concatenate.js";
import { concatenate } from "./concatenate.js";
import type { ConvertParams } from "./convert.js";
import { convert } from "./convert.js";
import { cos } from "./cos.js";
import { cosh } from "./cosh.js";
import type { CumsumParams } from "./cumsum.js";
import { cumsum } from "./cumsum.js";
import { det } from "./det.js";
import { divide } from "./divide.js";
import { exp } from "./exp.js";
import { expm1 } from "./expm1.js";
import { floor } from "./floor.js";
import { inv } from "./inv.js";
import { log } from "./log.js";
import { log1p } from "./log1p.js";
import { log2 } from "./log2.js";
import { log10 } from "./log10.js";
import { matmul } from "./matmul.js";
import { maximum } from "./maximum.js";
import { minimum } from "./minimum.js";
import { mod } from "./mod.js";
import { multiply } from "./multiply.js";
import { negative } from "./negative.js";
import type { PadParams } from "./pad.js";
import { pad } from "./pad.js";
import { power } from "./power.js";
import type { ReduceParams } from "./reduce.js";
import { reduceMax } from "./reduceMax.js";
import { reduceMin } from "./reduceMin.js";
import { reduceProd } from "./reduceProd.js";
import { reduceSum } from "./reduceSum.js";
import type { ReshapeParams } from "./reshape.js";
import { reshape } from "./reshape.js";
import { rint } from "./rint.js";
import { select } from "./select.js";
import { sign } from "./sign.js";
import { sin } from "./sin.js";
import { sinh } from "./sinh.js";
import type { SliceParams } from "./slice.js";
import { slice } from "./slice.js";
import { solve } from "./solve.js";
import { sqrt } from "./sqrt.js";
import { square } from "./square.js";
import type { StackParams } from "./stack.js";
import { stack } from "./stack.js";
import { stopGradient } from "./stopGradient.js";
import { subtract } from "./subtract.js";
import { tan } from "./tan.js";
import { tanh } from "./tanh.js";
import type { TransposeParams } from "./transpose.js";
import { transpose } from "./transpose.js";
import { trunc } from "./trunc.js";

/** The parameters of each primitive (`undefined` for none). */
export interface Params {
  abs: undefined;
  add: undefined;
  arccos: undefined;
  arccosh: undefined;
  arcsin: undefined;
  arcsinh: undefined;
  arctan: undefined;
  arctan2: undefined;
  arctanh: undefined;
  broadcastTo: BroadcastParams;
  ceil: undefined;
  compare: CompareParams;
  concatenate: ConcatenateParams;
  convert: ConvertParams;
  cos: undefined;
  cosh: undefined;
  cumsum: CumsumParams;
  det: undefined;
  divide: undefined;
  exp: undefined;
  expm1: undefined;
  floor: undefined;
  inv: undefined;
  log: undefined;
  log10: undefined;
  log1p: undefined;
  log2: undefined;
  matmul: undefined;
  maximum: undefined;
  minimum: undefined;
  mod: undefined;
  multiply: undefined;
  negative: undefined;
  pad: PadParams;
  power: undefined;
  reduceMax: ReduceParams;
  reduceMin: ReduceParams;
  reduceProd: ReduceParams;
  reduceSum: ReduceParams;
  reshape: ReshapeParams;
  rint: undefined;
  select: undefined;
  sign: undefined;
  sin: undefined;
  sinh: undefined;
  slice: SliceParams;
  solve: undefined;
  sqrt: undefined;
  square: undefined;
  stack: StackParams;
  stopGradient: undefined;
  subtract: undefined;
  tan: undefined;
  tanh: undefined;
  transpose: TransposeParams;
  trunc: undefined;
}

/** The name of every primitive. */
export type PrimitiveName = keyof Params;

/**
 * Every primitive by name, each with its impl, JVP, VJP and batching rules.
 * @example
 * primitives.sin.impl([0.5], undefined); // array(0.47942554)
 * Object.keys(primitives).length;         // the number of primitives
 */
export const primitives: { readonly [P in PrimitiveName]: Primitive<Params[P]> } = {
  abs,
  add,
  arccos,
  arccosh,
  arcsin,
  arcsinh,
  arctan,
  arctan2,
  arctanh,
  broadcastTo,
  ceil,
  compare,
  concatenate,
  convert,
  cos,
  cosh,
  cumsum,
  det,
  divide,
  exp,
  expm1,
  floor,
  inv,
  log,
  log10,
  log1p,
  log2,
  matmul,
  maximum,
  minimum,
  mod,
  multiply,
  negative,
  pad,
  power,
  reduceMax,
  reduceMin,
  reduceProd,
  reduceSum,
  reshape,
  rint,
  select,
  sign,
  sin,
  sinh,
  slice,
  solve,
  sqrt,
  square,
  stack,
  stopGradient,
  subtract,
  tan,
  tanh,
  transpose,
  trunc,
};
