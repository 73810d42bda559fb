/** The drift step of `check`: failing drift findings as diagnostics (`drift.<rule>`, exit 1 in check). */
import type { CheckStep } from "../shapes/check-step.js";
import type { Diagnostic } from "../errors.js";
import { driftProject } from "./project.js";
import { effectLine } from "./text.js";
import { offerShipped } from "./witness/shipped.js";

export const driftStep: CheckStep = {
  name: "drift",
  async run(project, compiled) {
    // The witnesses are confirmed with the validators this compile just built (confirm.ts), not built again.
    // Withdrawn after the step, so no later run in this process (watch) sees this compile's code.
    offerShipped(compiled.versions, Object.keys(project.strictness.formats).length > 0);
    let report: Awaited<ReturnType<typeof driftProject>>;
    try {
      // The contracts as the compile discovered them (the scoped ones of an incremental run, else all).
      report = await driftProject(project, { contracts: compiled.contracts });
    } finally {
      offerShipped([], true);
    }
    const out: Diagnostic[] = [...report.problems];
    for (const p of report.pairs) {
      for (const c of p.changes) {
        if (!c.failing) continue;
        const where = c.location ?? { file: p.newFile };
        out.push({
          ...where,
          pointer: c.pointer,
          code: `drift.${c.rule}`,
          message: `${p.contract ?? ""} v${p.from ?? "?"} → v${p.to ?? "?"} (${p.mode}): ${c.message}${effectLine(c)}`,
        });
      }
    }
    return out;
  },
};
