/**
 * Draws every plot of the lecture as a standalone SVG file in docs/guides/plots (npm run plots;
 * npm run docs runs it first). The data comes from examples/lecture-cells.ts, the same
 * computations `npm run lecture` prints; this file only renders them, with @observablehq/plot
 * on linkedom's DOM.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { type Figure, figures, type Series } from "../examples/lecture-cells.js";

// matplotlib's colors for the lecture's format strings: C0 for the default, "r" and "b".
const COLORS: Record<Series["color"], string> = { default: "#1f77b4", r: "#d62728", b: "#1f3fd6" };
const SVG_NS = "http://www.w3.org/2000/svg";

/** Where each figure keeps its legend: the corner its curves leave empty. */
const LEGEND: Record<string, "top-right" | "bottom-right"> = {
  interp1d: "bottom-right",
};

/** The figure as a standalone SVG document (namespace set, legend and title drawn inside). */
export function renderSvg(figure: Figure): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const anchor = LEGEND[figure.name] ?? "top-right";
  const marks: Plot.Markish[] = [];
  for (const s of figure.series) {
    const rows = s.x.map((x, i) => ({ x, y: s.y[i] }));
    const color = COLORS[s.color];
    if (s.mark === "line") marks.push(Plot.line(rows, { x: "x", y: "y", stroke: color }));
    else marks.push(Plot.dot(rows, { x: "x", y: "y", fill: color, r: s.mark === "dot" ? 2.5 : 4 }));
  }
  const n = figure.series.length;
  figure.series.forEach((s, i) => {
    const glyph = s.mark === "line" ? "—" : "●";
    marks.push(
      Plot.text([`${glyph} ${s.label}`], {
        frameAnchor: anchor,
        textAnchor: "end",
        dx: -8,
        dy: anchor === "top-right" ? 8 + 16 * i : -8 - 16 * (n - 1 - i),
        fill: COLORS[s.color],
        fontSize: 12,
      }),
    );
  });
  marks.push(
    Plot.text([figure.title], {
      frameAnchor: "top-left",
      textAnchor: "start",
      dy: -24,
      fontSize: 13,
      fontWeight: "bold",
    }),
  );
  const svg = (
    Plot.plot({
      document,
      width: 640,
      height: 360,
      grid: true,
      marginTop: 36,
      ariaLabel: figure.title,
      ariaDescription: figure.caption,
      x: { label: "x" },
      y: { label: figure.name === "interp1d" ? "y" : "dy/dx" },
      marks,
    }) as unknown as { outerHTML: string }
  ).outerHTML;
  // An inline <svg> in HTML can do without the namespace; a standalone .svg file cannot.
  return svg.includes("xmlns=") ? svg : svg.replace("<svg", `<svg xmlns="${SVG_NS}"`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL("./guides/plots/", import.meta.url);
  for (const figure of figures()) {
    writeFileSync(new URL(`${figure.name}.svg`, out), `${renderSvg(figure)}\n`);
    console.log(`wrote docs/guides/plots/${figure.name}.svg  (${figure.code})`);
  }
}
