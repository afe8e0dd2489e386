// numeric.js ships no types; these are the calls the benchmark makes.
declare module "numeric" {
  interface Spline {
    at(x: number[]): number[];
    at(x: number): number;
  }
  const numeric: {
    spline(x: number[], y: number[], k1?: number | string, kn?: number | string): Spline;
  };
  export default numeric;
}
