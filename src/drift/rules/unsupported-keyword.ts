/**
 * Emitted by the engine itself: a keyword (or construct, such as an unresolvable `$ref` or unevaluated* next to
 * in-place applicators) the checker does not reason about. Never silently compatible: unknown in both directions.
 */
import { defineRule } from "../define.js";

export const unsupportedKeyword = defineRule({
  id: "unsupported-keyword",
  purpose: "a keyword or construct the drift checker cannot reason about: compatibility is not proven",
  breaks: ["backward", "forward"],
  severity: "warning",
  keywords: [],
  check: () => [],
});
