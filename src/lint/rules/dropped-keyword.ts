import { denied, keywordExport } from "../keywords.js";
import { defineRule } from "../types.js";
import type { KeywordRuleOptions } from "./unsupported-keyword.js";

const OUTCOME = {
  drop: "export drops it from the wire schema (listed in the loss manifest); the contract's validator still enforces it",
  anyOf: "export lowers it to `anyOf`; exclusivity is then checked only by the contract's validator",
  inline: "export inlines the referenced definitions",
} as const;

/** Keywords the provider rejects or ignores that export can remove or lower faithfully. */
export const droppedKeyword = defineRule<KeywordRuleOptions>({
  id: "dropped-keyword",
  purpose: "Keywords the provider rejects or ignores but export can drop or lower (assertions, annotations, `oneOf`).",
  source: "providers.md §4.1 (keyword × provider table)",
  scope: "node",
  defaults: {},
  node(v, ctx) {
    return Object.keys(v.node).flatMap((keyword) => {
      const why = denied(ctx.options, keyword);
      const outcome = why === undefined ? "none" : keywordExport(keyword, ctx.options.inlineRefs);
      if (outcome === "none") return [];
      return [
        {
          pointer: `${v.pointer}/${keyword.replace(/~/g, "~0").replace(/\//g, "~1")}`,
          export: outcome === "drop" ? ("dropped" as const) : ("lowered" as const),
          message: `\`${keyword}\` ${why}: ${OUTCOME[outcome]}`,
        },
      ];
    });
  },
});
