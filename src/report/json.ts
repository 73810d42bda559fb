/**
 * JSON output, documented in docs/drift.md, schema in src/drift/report.schema.json. `diff` prints one
 * `{verdict, changes}` object; `drift` prints `{ok, pairs: [{contract, from, to, ..., verdict, changes}], problems}`.
 */
import type { DriftReport, PairReport } from "../drift/project.js";

export function pairJson(p: PairReport): Record<string, unknown> {
  return {
    ...(p.contract !== undefined ? { contract: p.contract, from: p.from, to: p.to } : {}),
    check: p.check,
    mode: p.mode,
    oldFile: p.oldFile,
    newFile: p.newFile,
    ok: p.ok,
    verdict: p.verdict,
    changes: p.changes.map((c) => ({
      rule: c.rule,
      severity: c.severity,
      kind: c.kind,
      pointer: c.pointer,
      oldPointer: c.oldPointer,
      breaks: c.breaks,
      unknown: c.unknown ?? [],
      message: c.message,
      ...(c.witness !== undefined ? { witness: c.witness } : {}),
      ...(c.acknowledged !== undefined ? { acknowledged: c.acknowledged } : {}),
      failing: c.failing,
      ...(c.location?.line !== undefined ? { location: { file: c.location.file, line: c.location.line } } : {}),
    })),
  };
}

export function renderJson(report: DriftReport, single: boolean): string {
  if (single && report.pairs.length === 1) return JSON.stringify(pairJson(report.pairs[0]!), null, 2);
  return JSON.stringify({ ok: report.ok, pairs: report.pairs.map(pairJson), problems: report.problems }, null, 2);
}
