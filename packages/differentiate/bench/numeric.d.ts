// numeric.js ships no types; this is the one function the benchmark calls.
declare module "numeric" {
  const numeric: {
    gradient(f: (x: number[]) => number, x: number[]): number[];
  };
  export default numeric;
}
