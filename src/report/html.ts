/**
 * `drift --format html` and `diff --format html`: one self-contained page (no script, no network, strict CSP) with
 * the same change view as the catalogue, for CI artifacts and PR previews.
 */
import type { DriftReport } from "../drift/project.js";
import { formatDiagnostic } from "../errors.js";
import { html } from "../html/escape.js";
import { page } from "../html/layout.js";
import { pairView } from "./html-changes.js";

export function renderHtml(report: DriftReport): string {
  const failing = report.pairs.filter((p) => !p.ok).length + report.problems.length;
  const summary = report.ok
    ? html`<p><span class="badge ok">compatible</span> ${report.pairs.length} comparison(s), nothing breaks.</p>`
    : html`<p><span class="badge bad">NOT compatible</span> ${failing} failing.</p>`;
  const problems =
    report.problems.length === 0 ? html`` : html`<h2>Problems</h2><ul>${report.problems.map((d) => html`<li class="bad">${formatDiagnostic(d)}</li>`)}</ul>`;
  const body = html`<h1>Schema drift</h1>
${summary}
${report.pairs.map((p) => pairView(p, { level: 2 }))}
${problems}`;
  return page({ title: report.ok ? "Schema drift: compatible" : "Schema drift: NOT compatible", body }).replace(/\n$/, "");
}
