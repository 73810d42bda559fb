/** Markdown for PR comments: says plainly whether each comparison is compatible, and shows every witness. */
import type { DriftReport } from "../drift/project.js";
import { effect, pairLabel, status, witnessText } from "./common.js";

const esc = (s: string): string => s.replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, " ");

export function renderMarkdown(report: DriftReport): string {
  const out: string[] = [];
  out.push(report.ok ? "## ✅ Schema drift: compatible" : "## ❌ Schema drift: NOT compatible");
  out.push("");
  for (const p of report.pairs) {
    const verdict = p.ok ? "**compatible** in its mode" : "**not compatible** in its mode";
    out.push(`### ${esc(pairLabel(p))}: ${verdict}`);
    out.push("");
    out.push(`backward: **${p.verdict.backward}**, forward: **${p.verdict.forward}**`);
    out.push("");
    if (p.changes.length === 0) {
      out.push("No changes.");
      out.push("");
      continue;
    }
    out.push("| status | rule | pointer | change | effect |");
    out.push("| --- | --- | --- | --- | --- |");
    for (const c of p.changes) out.push(`| ${status(c)} | \`${c.rule}\` | \`${esc(c.pointer || "/")}\` | ${esc(c.message)} | ${esc(effect(c))} |`);
    out.push("");
    for (const c of p.changes) {
      const w = witnessText(c, 2000);
      if (w === undefined) continue;
      out.push(`- \`${c.rule}\` at \`${esc(c.pointer || "/")}\`: witness valid under **${c.witness!.validUnder}** only:`);
      out.push("");
      out.push("  ```json");
      out.push(`  ${JSON.stringify(c.witness!.value)}`);
      out.push("  ```");
      if (c.acknowledged !== undefined) out.push(`  acknowledged: ${esc(c.acknowledged)}`);
    }
    out.push("");
  }
  for (const d of report.problems) out.push(`- ❌ \`${d.code}\` ${esc(d.file)}: ${esc(d.message)}`);
  return out.join("\n");
}
