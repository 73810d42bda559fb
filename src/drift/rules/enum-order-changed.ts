/** Model-output contracts: enum order is part of the prompt (it biases which value the model picks). */
import { defineRule } from "../define.js";
import { isObj, jsonEqual } from "../schema.js";

export const enumOrderChanged = defineRule({
  id: "enum-order-changed",
  purpose: "the order of enum values changed (a prompt change for model outputs)",
  breaks: [],
  severity: "note",
  keywords: [],
  check: (ctx) => {
    if (!ctx.modelOutput || !isObj(ctx.rawOld) || !isObj(ctx.rawNew)) return [];
    const o = ctx.rawOld["enum"];
    const n = ctx.rawNew["enum"];
    if (!Array.isArray(o) || !Array.isArray(n)) return [];
    const common = o.filter((v) => n.some((w) => jsonEqual(v, w)));
    const after = n.filter((v) => o.some((w) => jsonEqual(v, w)));
    if (common.every((v, i) => jsonEqual(v, after[i]))) return [];
    return [{ message: `prompt change: enum order ${JSON.stringify(common)} → ${JSON.stringify(after)}`, breaks: [], kind: "prompt" }];
  },
});
