/**
 * Draws the lecture's plots as SVG files for the docs (npm run plots): each compares a
 * derivative computed by nabla with the analytical one, the way the lecture's matplotlib cells do.
 */
import { writeFileSync } from "node:fs";
import { grad, np, type Tracer, vmap } from "@nabla/autodiff";
import { Derivative } from "@nabla/differentiate";
import { interp1d } from "@nabla/interpolate";
import * as nd from "@nabla/ndarray";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const out = new URL("./guides/plots/", import.meta.url);

type Series = { label: string; x: nd.NDArray; y: nd.NDArray; mark: "line" | "dot" };

function draw(
  name: string,
  title: string,
  series: Series[],
  legend: "top-right" | "bottom-right" = "top-right",
): void {
  const rows = series.flatMap((s) => {
    const xs = s.x.toArray() as number[];
    const ys = s.y.toArray() as number[];
    return xs.map((x, i) => ({ x, y: ys[i], label: s.label, mark: s.mark }));
  });
  const colors = ["#4269d0", "#ff725c", "#3ca951"];
  const domain = series.map((s) => s.label);
  const svg = (
    Plot.plot({
      document,
      width: 640,
      height: 360,
      grid: true,
      marginTop: 30,
      color: { domain, range: colors },
      marks: [
        Plot.line(
          rows.filter((r) => r.mark === "line"),
          { x: "x", y: "y", stroke: "label" },
        ),
        Plot.dot(
          rows.filter((r) => r.mark === "dot"),
          { x: "x", y: "y", fill: "label", r: 3 },
        ),
        Plot.text([title], { frameAnchor: "top-left", dy: -22, fontSize: 13, fontWeight: "bold" }),
        ...domain.map((label, i) =>
          Plot.text([label], {
            frameAnchor: legend,
            dx: -6,
            dy: legend === "top-right" ? 6 + 14 * i : -6 - 14 * (domain.length - 1 - i),
            fill: colors[i],
            fontSize: 12,
          }),
        ),
      ],
    }) as unknown as { outerHTML: string }
  ).outerHTML;
  // A standalone .svg file needs the namespace that an inline <svg> can do without.
  const standalone = svg.includes("xmlns=")
    ? svg
    : svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"');
  writeFileSync(new URL(`${name}.svg`, out), standalone);
  console.log(`wrote docs/guides/plots/${name}.svg`);
}

const x = nd.linspace(0.1, 1, 10);
const xfine = nd.linspace(0.1, 1, 100);
const y = nd.power(x, 0.5);
const analytical = (v: nd.NDArray) => nd.multiply(0.5, nd.power(v, -0.5));

draw("gradient", "np.gradient(y, x, edge_order=2) against 0.5 x^-0.5", [
  { label: "analytical", x: xfine, y: analytical(xfine), mark: "line" },
  { label: "gradient", x, y: nd.gradient(y, x, { edgeOrder: 2 }) as nd.NDArray, mark: "dot" },
]);

draw("polyfit", "derivative of polyfit(x, y, 9)", [
  { label: "analytical", x: xfine, y: analytical(xfine), mark: "line" },
  {
    label: "polyder(polyfit)",
    x,
    y: nd.polyval(nd.polyder(nd.polyfit(x, y, 9)), x) as nd.NDArray,
    mark: "dot",
  },
]);

draw("derivative", "Derivative(f)(x) of f = x^0.5", [
  { label: "analytical", x: xfine, y: analytical(xfine), mark: "line" },
  {
    label: "Derivative",
    x,
    y: Derivative((v: nd.NDArray) => nd.power(v, 0.5))(x) as nd.NDArray,
    mark: "dot",
  },
]);

const noisy = nd.add(y, nd.random.defaultRng(42).normal(0, 0.005, x.shape));
const af = interp1d(x, noisy, { kind: "cubic", boundsError: false, fillValue: "extrapolate" });
draw(
  "interp1d",
  "interp1d(x, y, kind='cubic') through noisy data",
  [
    { label: "data", x, y: noisy, mark: "dot" },
    { label: "cubic", x: xfine, y: af(xfine) as nd.NDArray, mark: "line" },
  ],
  "bottom-right",
);

const X = np.linspace(0.1, 2);
const df = vmap(grad((t: Tracer) => np.power(t, 0.5)));
draw("vmap-grad", "vmap(grad(f)) of f = x^0.5 against 0.5 x^-0.5", [
  { label: "analytical", x: X, y: analytical(X), mark: "line" },
  { label: "autodiff", x: X, y: df(X), mark: "dot" },
]);
