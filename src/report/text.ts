/** Text for terminals. Colour only when asked for (the CLI passes it for a TTY without NO_COLOR). */
import type { DriftReport } from "../drift/project.js";
import { formatDiagnostic } from "../errors.js";
import { effect, pairLabel, status, witnessText } from "./common.js";

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

export function renderText(report: DriftReport, colour = false): string {
  const c = (name: keyof typeof CODES, s: string): string => (colour ? `\u001b[${CODES[name]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  for (const p of report.pairs) {
    const v = `backward ${p.verdict.backward}, forward ${p.verdict.forward}`;
    lines.push(`${c("bold", pairLabel(p))}: ${p.ok ? c("green", "ok") : c("red", "FAIL")} (${v})`);
    for (const ch of p.changes) {
      const st = status(ch);
      const tag = st === "error" ? c("red", "error") : st === "acknowledged" ? c("yellow", "ack") : st === "warning" ? c("yellow", "warn") : c("dim", "note");
      const where = ch.location?.line !== undefined ? `${ch.location.file}:${ch.location.line}` : ch.pointer || "/";
      const eff = effect(ch);
      lines.push(`  ${tag} ${ch.rule} ${where}#${ch.pointer}: ${ch.message}${eff ? ` [${eff}]` : ""}`);
      const w = witnessText(ch);
      if (w !== undefined) lines.push(`      witness: ${w}`);
      if (ch.acknowledged !== undefined) lines.push(`      acknowledged: ${ch.acknowledged}`);
    }
  }
  for (const d of report.problems) lines.push(c("red", `error ${formatDiagnostic(d)}`));
  const failing = report.pairs.filter((p) => !p.ok).length + report.problems.length;
  lines.push(report.ok ? c("green", `drift: ${report.pairs.length} comparison(s), nothing breaks`) : c("red", `drift: ${failing} failing`));
  return lines.join("\n");
}
