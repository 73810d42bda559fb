import { checkRedos } from "../regex.js";
import { defineRule } from "../types.js";

/**
 * Patterns with catastrophic backtracking hang every validator that runs them (ajv included), and providers that
 * compile patterns time out on them. Analysed with `redos-detector`, not a hand-written heuristic.
 */
export const regexRedos = defineRule<{ maxScore: number; timeoutMs: number }>({
  id: "regex-redos",
  purpose: "`pattern` must not be prone to catastrophic backtracking (ReDoS).",
  source: "redos-detector analysis; Anthropic 180 s schema compile timeout (providers.md §4.2)",
  scope: "node",
  defaults: { maxScore: 200, timeoutMs: 1000 },
  node(v, ctx) {
    const pattern = v.node["pattern"];
    if (typeof pattern !== "string") return [];
    const r = checkRedos(pattern, ctx.options.maxScore, ctx.options.timeoutMs);
    if (r.safe) return [];
    return [{ pointer: `${v.pointer}/pattern`, message: `pattern is prone to catastrophic backtracking (${r.detail}): remove nested or overlapping quantifiers such as \`(a+)+\` or \`(a|a)*\`` }];
  },
});
