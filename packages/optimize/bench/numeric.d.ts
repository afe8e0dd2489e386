// numeric.js ships no types; this is the one function the benchmark calls.
declare module "numeric" {
  const numeric: {
    uncmin(
      f: (x: number[]) => number,
      x0: number[],
      tol?: number,
      gradient?: (x: number[]) => number[],
      maxit?: number,
    ): { solution: number[]; f: number; iterations: number; message: string };
  };
  export default numeric;
}
