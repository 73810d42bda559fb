/**
 * SARIF 2.1.0: one run, the drift rules as `tool.driver.rules`, one result per change.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { RULES } from "../drift/registry.js";
import type { DriftReport } from "../drift/project.js";
import { effect, pairLabel, status } from "./common.js";

export function renderSarif(report: DriftReport, version: string): string {
  const rules = RULES.map((r) => ({ id: r.id, shortDescription: { text: r.purpose }, defaultConfiguration: { level: r.severity === "note" ? "note" : r.severity } }));
  const ids = RULES.map((r) => r.id);
  const results = report.pairs.flatMap((p) =>
    p.changes.map((c) => {
      const st = status(c);
      const file = c.location?.file ?? p.newFile;
      return {
        ruleId: c.rule,
        ruleIndex: ids.indexOf(c.rule),
        level: st === "error" ? "error" : st === "note" ? "note" : "warning",
        message: { text: `${pairLabel(p)}: ${c.message}${effect(c) ? ` [${effect(c)}]` : ""}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: file }, ...(c.location?.line !== undefined ? { region: { startLine: c.location.line } } : {}) } }],
        properties: { pointer: c.pointer, oldPointer: c.oldPointer, breaks: c.breaks, unknown: c.unknown ?? [], ...(c.witness !== undefined ? { witness: c.witness } : {}) },
        ...(c.acknowledged !== undefined ? { suppressions: [{ kind: "external", justification: c.acknowledged }] } : {}),
      };
    }),
  );
  for (const d of report.problems) {
    results.push({
      ruleId: d.code, ruleIndex: -1, level: "error", message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: d.file } } }],
      properties: { pointer: "", oldPointer: "", breaks: [], unknown: [] },
    });
  }
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "llm-contracts drift", version, informationUri: "https://github.com/llm-contracts", rules } }, results: results.map((r) => (r.ruleIndex < 0 ? { ...r, ruleIndex: undefined } : r)) }],
  };
  return JSON.stringify(sarif, null, 2);
}
