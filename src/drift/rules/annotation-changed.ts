/**
 * Rule table rows 44–46: annotations never change validity; they are reported as notes. For model-output
 * contracts, title/description/examples are part of the prompt the model sees: reported as prompt changes.
 */
import { defineRule } from "../define.js";
import { isObj, jsonEqual } from "../schema.js";
import type { RuleFinding } from "../types.js";

const WATCHED = ["title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment"];
const PROMPT = new Set(["title", "description", "examples"]);

export const annotationChanged = defineRule({
  id: "annotation-changed",
  purpose: "an annotation (title, description, examples, default, deprecated, readOnly, writeOnly, $comment) changed",
  breaks: [],
  severity: "note",
  keywords: [],
  check: (ctx) => {
    const o = isObj(ctx.rawOld) ? ctx.rawOld : {};
    const n = isObj(ctx.rawNew) ? ctx.rawNew : {};
    const out: RuleFinding[] = [];
    for (const kw of WATCHED) {
      if (jsonEqual(o[kw], n[kw])) continue;
      const verb = o[kw] === undefined ? "added" : n[kw] === undefined ? "removed" : "changed";
      const prompt = ctx.modelOutput && PROMPT.has(kw);
      const extra = kw === "default" ? " (validators run without useDefaults: no effect on validity)" : "";
      out.push({ message: `${prompt ? "prompt change: " : ""}${kw} ${verb}${extra}`, breaks: [], kind: prompt ? "prompt" : "annotation" });
    }
    return out;
  },
});
