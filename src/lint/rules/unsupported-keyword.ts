import { denied, keywordExport, type KeywordPolicy } from "../keywords.js";
import { defineRule } from "../types.js";

export interface KeywordRuleOptions extends KeywordPolicy {
  /** Export inlines `$ref`s for this profile, so `$ref`/`$defs` are lowered rather than unsupported. */
  readonly inlineRefs?: boolean;
}

/**
 * Keywords the provider refuses that export cannot remove without changing the shape of the value (they add
 * properties or positions): the schema itself must change. Droppable ones are `dropped-keyword`'s.
 */
export const unsupportedKeyword = defineRule<KeywordRuleOptions>({
  id: "unsupported-keyword",
  purpose: "No keyword the provider rejects and that shapes the value (e.g. `allOf`, `prefixItems`, `patternProperties`).",
  source: "providers.md §4.1 (keyword × provider table)",
  scope: "node",
  defaults: {},
  node(v, ctx) {
    return Object.keys(v.node).flatMap((keyword) => {
      const why = denied(ctx.options, keyword);
      if (why === undefined || keywordExport(keyword, ctx.options.inlineRefs) !== "none") return [];
      return [{ pointer: `${v.pointer}/${keyword.replace(/~/g, "~0").replace(/\//g, "~1")}`, message: `\`${keyword}\` ${why}: rewrite this part without it (it shapes the value, so export cannot drop it)` }];
    });
  },
});
