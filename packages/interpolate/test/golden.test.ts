import {
  Akima1DInterpolator,
  CubicSpline,
  interp1d,
  makeInterpSpline,
  PchipInterpolator,
} from "@nabla/interpolate";
import { describe, it } from "vitest";
import { expectClose, fixture } from "./helpers.js";

// scipy 1.17.1 reference cases (copied from the shared golden data), to 1e-12 relative
const build = {
  interp1d: (c: Case) => interp1d(c.args[0], c.args[1], c.options)(c.at),
  CubicSpline: (c: Case) => new CubicSpline(c.args[0], c.args[1], c.options)(c.at, c.nu),
  PchipInterpolator: (c: Case) =>
    new PchipInterpolator(c.args[0], c.args[1], c.options)(c.at, c.nu),
  Akima1DInterpolator: (c: Case) =>
    new Akima1DInterpolator(c.args[0], c.args[1], c.options)(c.at, c.nu),
  makeInterpSpline: (c: Case) =>
    makeInterpSpline(c.args[0], c.args[1], c.args[2], c.options)(c.at, c.nu),
};

interface Case {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON
  args: any[];
  // biome-ignore lint/suspicious/noExplicitAny: JSON
  options: any;
  at: number[];
  nu?: number;
  expected: (number | string)[];
  atol: number;
}

for (const [name, run] of Object.entries(build)) {
  describe(`golden ${name}`, () => {
    const data = fixture(`interpolate.${name}.json`);
    for (const c of data.cases as Case[]) {
      it(c.name, () => {
        expectClose(run(c), c.expected, 1e-12, 1e-15);
      });
    }
  });
}
