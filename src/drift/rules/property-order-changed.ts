/** Model-output contracts: property order is part of the prompt (models generate keys in schema order). */
import { defineRule } from "../define.js";
import { isObj } from "../schema.js";

export const propertyOrderChanged = defineRule({
  id: "property-order-changed",
  purpose: "the order of declared properties changed (a prompt change for model outputs)",
  breaks: [],
  severity: "note",
  keywords: [],
  check: (ctx) => {
    if (!ctx.modelOutput || !isObj(ctx.rawOld) || !isObj(ctx.rawNew)) return [];
    const o = isObj(ctx.rawOld["properties"]) ? Object.keys(ctx.rawOld["properties"]) : [];
    const n = isObj(ctx.rawNew["properties"]) ? Object.keys(ctx.rawNew["properties"]) : [];
    const common = o.filter((k) => n.includes(k));
    const after = n.filter((k) => o.includes(k));
    if (common.every((k, i) => after[i] === k)) return [];
    return [{ message: `prompt change: property order ${JSON.stringify(common)} → ${JSON.stringify(after)}`, breaks: [], kind: "prompt" }];
  },
});
