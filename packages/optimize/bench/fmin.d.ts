// fmin ships no types; these are the two functions the benchmark calls.
declare module "fmin/index.js" {
  export function nelderMead(
    f: (x: number[]) => number,
    x0: number[],
    params?: { maxIterations?: number },
  ): { x: number[]; fx: number };
  export function conjugateGradient(
    f: (x: number[], fxprime: number[]) => number,
    x0: number[],
    params?: { maxIterations?: number },
  ): { x: number[]; fx: number };
}
