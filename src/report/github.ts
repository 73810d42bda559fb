/**
 * GitHub Actions workflow commands: `::error file=…,line=…,title=…::message` per failing change, `::warning` for
 * acknowledged or unproven ones, `::notice` for notes. Property values and data are escaped as the runner requires.
 * @see https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { DriftReport } from "../drift/project.js";
import { effect, pairLabel, status } from "./common.js";

const data = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const prop = (s: string): string => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function renderGithub(report: DriftReport): string {
  const lines: string[] = [];
  for (const p of report.pairs) {
    for (const c of p.changes) {
      const st = status(c);
      const level = st === "error" ? "error" : st === "note" ? "notice" : "warning";
      const file = c.location?.file ?? p.newFile;
      const line = c.location?.line;
      const props = [`file=${prop(file)}`, ...(line !== undefined ? [`line=${line}`] : []), `title=${prop(`${c.rule} (${pairLabel(p)})`)}`];
      const witness = c.witness !== undefined ? ` Witness (valid under ${c.witness.validUnder} only): ${JSON.stringify(c.witness.value).slice(0, 500)}` : "";
      const ack = c.acknowledged !== undefined ? ` Acknowledged: ${c.acknowledged}` : "";
      const eff = effect(c);
      lines.push(`::${level} ${props.join(",")}::${data(`${c.message}${eff ? ` [${eff}]` : ""}.${witness}${ack}`)}`);
    }
  }
  for (const d of report.problems) lines.push(`::error file=${prop(d.file)},title=${prop(d.code)}::${data(d.message)}`);
  return lines.join("\n");
}
