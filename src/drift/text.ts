/** Short plain-text fragments shared by diagnostics. */
import type { Change } from "./types.js";

export function effectLine(c: Change): string {
  const parts: string[] = [];
  if (c.breaks.length > 0) parts.push(`breaks ${c.breaks.join("+")}`);
  if ((c.unknown ?? []).length > 0) parts.push(`not proven ${c.unknown!.join("+")}`);
  const w = c.witness !== undefined ? `; witness valid under ${c.witness.validUnder} only: ${JSON.stringify(c.witness.value).slice(0, 200)}` : "";
  return parts.length > 0 ? ` (${parts.join(", ")}${w})` : w;
}
