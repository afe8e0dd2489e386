// numeric.js ships no types; these are the few functions the benchmark calls.
declare module "numeric" {
  type Vec = number[];
  type Mat = number[][];
  const numeric: {
    sin(x: Vec): Vec;
    mul(a: Vec, b: Vec): Vec;
    add(a: Vec, b: number): Vec;
    sum(x: Vec): number;
    dot(a: Mat, b: Mat): Mat;
    transpose(a: Mat): Mat;
    solve(a: Mat, b: Vec): Vec;
  };
  export default numeric;
}
