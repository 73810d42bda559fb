/**
 * Rule table row 13: `format` added, removed or changed. Our validators assert formats (ajv-formats, full mode),
 * so a format is a constraint: adding one breaks backward, removing one breaks forward.
 */
import { defineRule, type RuleContext } from "../define.js";
import { hasType } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";
import { FORMAT_PROBES } from "../witness/formats.js";

function check(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const types = direction === "backward" ? ctx.oldTypes : ctx.newTypes;
  if (typeof sup["format"] !== "string" || sub["format"] === sup["format"]) return [];
  if (!hasType(types, "string") && !hasType(types, "number")) return [];
  const side = direction === "backward" ? "old" : "new";
  const values = [...ctx.examples(side, sub, 3), ...FORMAT_PROBES, 2147483648, 1e300];
  const message = `format changed: ${JSON.stringify(ctx.old["format"] ?? null)} → ${JSON.stringify(ctx.new["format"] ?? null)}`;
  return [{ message, breaks: [direction], candidates: values.map((value) => ({ direction, value })) }];
}

export const formatChanged = defineRule({
  id: "format-changed",
  purpose: "a format was added, removed or changed (formats are asserted by our validators)",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["format"],
  check: (ctx) => [...check(ctx, "backward"), ...check(ctx, "forward")],
});
