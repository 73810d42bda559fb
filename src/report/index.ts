/** Drift reporters: structured findings in, text out. */
import type { DriftReport } from "../drift/project.js";
import { renderGithub } from "./github.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";

export const REPORT_FORMATS = ["text", "json", "markdown", "github", "sarif", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function render(report: DriftReport, format: ReportFormat, opts: { colour?: boolean; single?: boolean; version?: string } = {}): string {
  switch (format) {
    case "json": return renderJson(report, opts.single ?? false);
    case "markdown": return renderMarkdown(report);
    case "github": return renderGithub(report);
    case "html": return renderHtml(report);
    case "sarif": return renderSarif(report, opts.version ?? "0.0.0");
    default: return renderText(report, opts.colour ?? false);
  }
}
