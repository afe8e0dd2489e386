import { minimize } from "@nabla/optimize";
import { caseName, problemFns, scipyCases } from "../test/cases.js";

let exact = 0;
for (const c of scipyCases) {
  const fns = problemFns(c.problem);
  const r = minimize(fns.f, c.x0, {
    method: c.method,
    jac: c.jac ? fns.grad : undefined,
    hess: c.hess ? fns.hess : undefined,
    bounds: c.bounds as never,
  });
  const e = c.expected;
  const same = r.nit === e.nit && r.nfev === e.nfev && r.njev === e.njev && r.nhev === e.nhev;
  if (same) exact++;
  const dx = Math.max(...(r.x.toArray() as number[]).map((v, i) => Math.abs(v - e.x[i])));
  console.log(
    `${same ? "==" : "!="} ${caseName(c).padEnd(40)} ${r.success === e.success ? "ok" : "SUCCESS-DIFF"} nit ${r.nit}/${e.nit} nfev ${r.nfev}/${e.nfev} njev ${r.njev}/${e.njev} nhev ${r.nhev}/${e.nhev} dx ${dx.toExponential(1)} f ${r.fun.toExponential(3)}/${e.fun.toExponential(3)} ${r.status}/${e.status}`,
  );
}
console.log(exact, "/", scipyCases.length, "exact");
