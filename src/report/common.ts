/** Shared pieces of the drift reporters: labels, witness text, which directions count. */
import type { PairReport, ReportedChange } from "../drift/project.js";

export function pairLabel(p: PairReport): string {
  if (p.contract === undefined) return `${p.oldFile} → ${p.newFile}`;
  if (p.check === "published") return `${p.contract} v${p.to} (published version changed since ${p.oldFile.split(":")[0]})`;
  return `${p.contract} v${p.from} → v${p.to} (${p.mode}${p.check === "transitive" ? ", transitive" : ""})`;
}

export function witnessText(c: ReportedChange, max = 400): string | undefined {
  if (c.witness === undefined) return undefined;
  const text = JSON.stringify(c.witness.value);
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `${shown} is valid under ${c.witness.validUnder} and invalid under ${c.witness.validUnder === "old" ? "new" : "old"}`;
}

export function status(c: ReportedChange): "error" | "acknowledged" | "warning" | "note" {
  if (c.kind !== "change") return "note";
  if (c.acknowledged !== undefined) return "acknowledged";
  if (c.failing) return "error";
  return c.breaks.length > 0 || (c.unknown ?? []).length > 0 ? "warning" : "note";
}

export function effect(c: ReportedChange): string {
  const parts: string[] = [];
  if (c.breaks.length > 0) parts.push(`breaks ${c.breaks.join("+")}`);
  if ((c.unknown ?? []).length > 0) parts.push(`unproven ${c.unknown!.join("+")}`);
  return parts.join(", ");
}
