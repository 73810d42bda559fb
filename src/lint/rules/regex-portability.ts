import { analyzeRegex, type RegexFeature } from "../regex.js";
import { defineRule } from "../types.js";

const WHAT: Readonly<Record<RegexFeature, string>> = {
  lookaround: "lookahead/lookbehind",
  backreference: "backreferences",
  "word-boundary": "`\\b`/`\\B`",
  "large-repetition": "large `{n,m}` bounds",
};

/** Anthropic strict regex: no backreferences, lookaround, `\b`/`\B` or large `{n,m}`. */
export const regexPortability = defineRule<{ deny: readonly RegexFeature[]; largeRepeat: number }>({
  id: "regex-portability",
  purpose: "`pattern` must stay in the provider's regex subset (its decoder compiles patterns into a grammar).",
  source: "providers.md §4.1 row 'pattern' (Anthropic: no backrefs/lookaround/\\b, large {n,m})",
  scope: "node",
  defaults: { deny: ["lookaround", "backreference", "word-boundary", "large-repetition"], largeRepeat: 100 },
  node(v, ctx) {
    const pattern = v.node["pattern"];
    if (typeof pattern !== "string") return [];
    const report = analyzeRegex(pattern, ctx.options.largeRepeat);
    const found = ctx.options.deny.filter((f) => report.features.has(f));
    if (found.length === 0) return [];
    return [
      {
        pointer: `${v.pointer}/pattern`,
        export: "dropped",
        message: `pattern uses ${found.map((f) => WHAT[f]).join(", ")}, which this provider cannot run: rewrite it without them, or accept that export drops it (the contract's validator still checks it)`,
      },
    ];
  },
});
